const TICKET_PATHS = [/^\/a\/tickets\/(\d+)(?:\/|$)/, /^\/helpdesk\/tickets\/(\d+)(?:\/|$)/];

export function freshdeskTicketIdFromUrl(url: Pick<URL, 'pathname'>): string | null {
  for (const re of TICKET_PATHS) {
    const id = re.exec(url.pathname)?.[1];
    if (id) return id;
  }
  return null;
}
