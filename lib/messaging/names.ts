// Names used on both sides of a boundary where one side is a content script (which must not
// bundle zod, so it cannot import protocol.ts for values).

/** Background → extension pages: a tab's state changed. */
export const TAB_STATE_CHANGED = 'tab:state-changed';
/** Background → content script: read the ticket again (the reviewer pressed Retry/Reload). */
export const CONTENT_RELOAD = 'content:reload';
/** Background → content script: tell me again what you have (after a service-worker restart). */
export const CONTENT_REPORT_AGAIN = 'content:report-again';
/** Port a content script keeps open so the background learns when its page goes away. */
export const TICKET_TAB_PORT = 'qa-ticket-tab';
/** Background → extension pages: the unsent reply in a tab changed. */
export const TAB_DRAFT_CHANGED = 'tab:draft-changed';
/** Background → extension pages: the rubric library or the settings changed. */
export const LIBRARY_CHANGED = 'library:changed';
/** Background → extension pages: call navigator.storage.persist() (a service worker cannot). */
export const STORAGE_PERSIST = 'storage:persist';
