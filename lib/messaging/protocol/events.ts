// What the background tells others without being asked: broadcasts to extension pages, and
// commands to a tab's content script. Typed and validated like requests.
import { z } from '../../zod';
import { CONTENT_COMMANDS, type ContentCommand } from '../names';
import { draftSchema, tabStateSchema, ticketReportSchema } from './tabs';
import { jobOutcomeSchema, listingProgressSchema } from './sampling';

/** Background → extension pages. The wire shape is `{ type: <event>, data }`. */
export const events = {
  /** a tab's state changed */
  'tab:state-changed': z.object({ tabId: z.number(), state: tabStateSchema }),
  /** the unsent reply in a tab changed */
  'tab:draft-changed': z.object({ tabId: z.number(), draft: draftSchema.nullable() }),
  /** the rubric library or the settings changed (e.g. an import in Options) */
  'library:changed': z.object({}),
  /** the team-store queue or its status changed (a run started or ended, a revision was queued) */
  'store:changed': z.object({}),
  /** stored reviews changed (a submit, a restore or import, a purge, a rebuild of the roll-ups) */
  'reviews:changed': z.object({}),
  /** a sampling job moved on (a page read, a wait for the helpdesk) */
  'sampling:progress': z.object({ jobId: z.string(), progress: listingProgressSchema }),
  /** a sampling job ended: the sample is saved, or it was cancelled or failed */
  'sampling:finished': z.object({ jobId: z.string(), outcome: jobOutcomeSchema }),
  /** a sample was saved, or a review may have ticked off a queue item */
  'sampling:changed': z.object({}),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventOf<K extends EventName> = z.output<Events[K]>;

/** Background → content script: each command is answered with the tab's latest report. */
export const contentCommands = Object.fromEntries(
  CONTENT_COMMANDS.map((name) => [name, { response: ticketReportSchema }]),
) as Record<ContentCommand, { response: typeof ticketReportSchema }>;

/**
 * Background → extension pages, answered by one of them: work only a window can do.
 * `storage:persist` — Chrome's service worker has no navigator.storage.persist().
 */
export const pageCommands = {
  'storage:persist': { response: z.boolean() },
} as const;
export type PageCommand = keyof typeof pageCommands;

/** The event's data when `message` is that event, undefined for anything else. */
export function readEvent<K extends EventName>(name: K, message: unknown): EventOf<K> | undefined {
  if (!message || typeof message !== 'object' || (message as { type?: unknown }).type !== name) return undefined;
  const parsed = events[name].safeParse((message as { data?: unknown }).data);
  return parsed.success ? (parsed.data as EventOf<K>) : undefined;
}
