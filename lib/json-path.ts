// JSON paths for error messages, shared by the rubric validator and the helpdesk parsers so a
// problem reads the same wherever it is reported. Pure: no zod, no DOM, safe in content scripts.

/**
 * `['criteria', 2, 'scale', 'levels']` → `criteria[2].scale.levels`: indices in brackets, dots
 * between keys. The empty path (the document itself) is `''`; callers that name it in a message
 * choose their own wording for it.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}
