// Every Zendesk DOM selector lives here, with its fallbacks, so a redesign is a one-file fix.
// The URL is the primary signal; the DOM is only consulted when the URL does not name a ticket.

export const ZENDESK_SELECTORS = {
  /** header tabs of open tickets; the active one is marked by one of ACTIVE_TAB_MARKERS */
  ticketTab: 'a[data-test-id="header-tab"][data-entity-type="TICKET_ENTITY_TYPE"]',
  activeTabMarkers: [
    '[data-entity-is-selected="true"]',
    '[data-selected="true"]',
    '[aria-selected="true"]',
    '[aria-current="page"]',
  ],
  /** attributes that flip when another header tab is brought forward (the URL may not change) */
  tabSwitchAttributes: ['data-entity-is-selected', 'data-selected', 'aria-selected', 'aria-current'],
  ticketRoot: (id: string) => [
    `[data-test-id="ticket-${id}-standard-layout"]`,
    `.ticket-panes-grid-layout[data-is-active="true"]`,
    `.conversation-polaris[data-ticket-id="${id}"]`,
  ],
  /** one ticket's mounted pane, whatever its id: each has its own composer and send button */
  anyTicketPane: '[data-test-id$="-standard-layout"]',
  composer: [
    '[data-test-id="omnicomposer-rich-text-ckeditor"]',
    '[data-test-id="omnicomposer-plain-text-ckeditor"]',
    '.ck-editor__editable[contenteditable="true"]',
  ],
  submitButton: 'button[data-test-id="submit_button-button"]',
} as const;
