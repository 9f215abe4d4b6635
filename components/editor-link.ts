// Where the rubric editor opens (Options' library and the panel's rubric picker link to it).
import { browser } from 'wxt/browser';

/** The editor on a new rubric, on the newest version of `edit`, or on a copy of `copy`. */
export function editorUrl(target: { edit?: string; copy?: string } = {}): string {
  const query = target.edit ? `?id=${encodeURIComponent(target.edit)}` : target.copy ? `?from=${encodeURIComponent(target.copy)}` : '';
  return browser.runtime.getURL(`/editor.html${query}`);
}
