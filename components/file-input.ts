import type { ChangeEvent } from 'react';

/**
 * The file just chosen in a file input, which is then emptied: choosing the same file again (after
 * fixing it, or to retry) must fire `change` again.
 */
export function takeChosenFile(e: ChangeEvent<HTMLInputElement>): File | null {
  const input = e.currentTarget;
  const file = input.files?.[0] ?? null;
  input.value = '';
  return file;
}
