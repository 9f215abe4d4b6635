// Files the extension pages hand to the browser's downloads (backups, exports).

/** Downloads `blob` as `fileName`; the page keeps no link to it afterwards. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after click() returns; a minute is ample, and the page may stay open for hours.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
