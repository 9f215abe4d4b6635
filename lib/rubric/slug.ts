// Ids from titles: what the editor suggests for a rubric, section or criterion id until the
// author types one. The result fits both the rubric id rule and the stricter-looking criterion id
// rule of `qa-rubric/1` (lowercase letters and digits joined by single dashes).

const MAX_SLUG_LENGTH = 48;

/** "Acknowledged the problem – in the customer's words" → "acknowledged-the-problem-in-the-customers-words" */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
}

/** `base` (or `fallback` when it is empty) with the first free `-2`, `-3`, … suffix. */
export function uniqueSlug(base: string, taken: Iterable<string>, fallback: string): string {
  const used = new Set(taken);
  const root = base || fallback;
  if (!used.has(root)) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
