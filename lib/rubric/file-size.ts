// The size limit for rubric files, checked where a file enters: the options page (before reading
// the file) and the background's import handler (for anything a page sends). A rubric is a few
// kilobytes; a megabyte is a wrong file or an attempt to fill the library and every panel with it.

export const MAX_RUBRIC_FILE_BYTES = 1_000_000;

/** Megabytes to one decimal; just over the limit, to two, rounded up, so it never reads "1 MB". */
function megabytes(bytes: number): string {
  const rounded = Math.round(bytes / 100_000) / 10;
  if (bytes > MAX_RUBRIC_FILE_BYTES && rounded <= MAX_RUBRIC_FILE_BYTES / 1_000_000) return String(Math.ceil(bytes / 10_000) / 100);
  return String(rounded);
}

/** The sentence that refuses a file of `bytes` bytes, or null when its size is fine. */
export function rubricFileSizeProblem(bytes: number): string | null {
  if (bytes <= MAX_RUBRIC_FILE_BYTES) return null;
  return `This file is ${megabytes(bytes)} MB; rubric files can be at most ${megabytes(MAX_RUBRIC_FILE_BYTES)} MB.`;
}

/**
 * UTF-8 size of a value written as compact JSON: what the background measures, since it receives
 * the parsed file, not its bytes. Compact JSON is never larger than a file it was read from.
 */
export function jsonByteLength(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
}
