/** Hands the text to the browser as a download; the page never holds a link to it afterwards. */
export function saveTextFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after click() returns; a minute is ample, and the page may stay open for hours.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
