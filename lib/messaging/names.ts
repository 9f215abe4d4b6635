// Names used on both sides of a boundary where one side is a content script (which must not
// bundle zod, so it cannot import the protocol's schemas).

/**
 * Background → content script commands, each answered with the tab's latest ticket report:
 * `content:reload` reads the ticket again (the reviewer pressed Retry/Reload);
 * `content:report-again` only repeats the last report (after a service-worker restart).
 */
export const CONTENT_COMMANDS = ['content:reload', 'content:report-again'] as const;
export type ContentCommand = (typeof CONTENT_COMMANDS)[number];

/**
 * The command in `message`, when it is one. A command has no payload, so checking its name
 * against the list is its whole validation — done by hand here to keep zod out of the page.
 */
export function readContentCommand(message: unknown): ContentCommand | null {
  if (!message || typeof message !== 'object') return null;
  const keys = Object.keys(message);
  const type = (message as { type?: unknown }).type;
  if (keys.length !== 1 || typeof type !== 'string') return null;
  return (CONTENT_COMMANDS as readonly string[]).includes(type) ? (type as ContentCommand) : null;
}

/** Port a content script keeps open so the background learns when its page goes away. */
export const TICKET_TAB_PORT = 'qa-ticket-tab';
