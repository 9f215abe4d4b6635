// How the dashboard shows numbers and times; the unrounded figures stay in data-* attributes.

export const formatScore = (score: number | null) => (score === null ? '–' : `${score.toFixed(1)}%`);

/** Only web links open: a ticket URL from someone else's file could be `javascript:` or a `data:` URL. */
export function safeTicketUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export const formatWhen = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
