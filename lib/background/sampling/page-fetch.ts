// The one function the background runs inside an open helpdesk tab to read a listing page:
// a same-origin GET with the agent's session, as the helpdesk's own app makes it. The listing
// code stays out of the content scripts (their 30 kB budget): `browser.scripting.executeScript`
// serialises this function's source and runs it in the tab, so it must be self-contained — no
// imports, no closures, nothing from this module — and it returns the raw answer for the
// background to judge and parse.

/** What one request got: the status and body as text, or a network failure. */
export type PageAnswer =
  | { ok: true; status: number; retryAfter: string | null; contentType: string | null; text: string }
  | { ok: false; error: string };

export async function fetchPageInTab(path: string, timeoutMs: number): Promise<PageAnswer> {
  // Only paths on the tab's own origin: the page's session must never go elsewhere.
  const url = new URL(path, location.origin);
  if (url.origin !== location.origin) return { ok: false, error: `refused: ${url.origin} is not ${location.origin}` };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url.href, { credentials: 'include', headers: { Accept: 'application/json' }, signal: controller.signal });
    const text = await response.text();
    return { ok: true, status: response.status, retryAfter: response.headers.get('Retry-After'), contentType: response.headers.get('Content-Type'), text };
  } catch (err) {
    return { ok: false, error: controller.signal.aborted ? `no answer within ${Math.round(timeoutMs / 1000)} s` : String(err) };
  } finally {
    clearTimeout(timer);
  }
}
