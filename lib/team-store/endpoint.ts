// Which addresses may receive reviews. Reviews quote customers, so they travel encrypted; plain
// http is only for a receiver on this machine (testing, or a local bridge).

export type EndpointCheck = { ok: true; url: string; origin: string } | { ok: false; message: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function checkEndpoint(input: string): EndpointCheck {
  const text = input.trim();
  if (!text) return { ok: false, message: 'Enter the address of your team store, e.g. https://qa.acme.com/reviews.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `"${text}" is not a web address. It should look like https://qa.acme.com/reviews.` };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'Put credentials in the auth header field, not in the address: addresses show up in logs.' };
  }
  const loopback = LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { ok: false, message: 'The address must start with https:// (plain http is allowed only for localhost and 127.0.0.1).' };
  }
  url.hash = '';
  return { ok: true, url: url.toString(), origin: url.origin };
}

/** The pull address (contract §13): the endpoint with `after` and `limit` added to its query. */
export function pullUrl(endpoint: string, after: string | null, limit: number): string {
  const url = new URL(endpoint);
  if (after !== null) url.searchParams.set('after', after);
  else url.searchParams.delete('after');
  url.searchParams.set('limit', String(limit));
  return url.toString();
}
