// Every Freshdesk DOM selector lives here, with its fallbacks, so a redesign is a one-file fix.
export const FRESHDESK_SELECTORS = {
  /** Froala editor; button[data-test-id="active-editor"] is only the collapsed placeholder */
  composer: ['.fr-element.fr-view[contenteditable="true"]'],
  submitButton: '[data-test-id="submit"]',
} as const;
