// The weekly sample and the review queue, in the background: lists a week's tickets through an
// open helpdesk tab (a job the Sampling page starts, follows and may cancel), draws the sample,
// saves it, and answers the panel's queue. Browser access arrives as functions (see
// browser-parts.ts), so the whole flow runs under fake-indexeddb in unit tests.
import { planSample, type SampleMode, type SampleRecord } from '../../analytics/sample-plan';
import type { QaDatabase } from '../../db/schema';
import { latestSample, readSample, reviewedTicketIds, saveSample } from '../../db/samples';
import { freshdeskTicketUrl } from '../../helpdesk/freshdesk/listing';
import type { ListedAgent, ListedTicket } from '../../helpdesk/listing';
import { siteFor } from '../../helpdesk/registry';
import type { HelpdeskName } from '../../helpdesk/types';
import { zendeskTicketUrl } from '../../helpdesk/zendesk/listing';
import { AppError } from '../../messaging/errors';
import { listFreshdeskAgents, listFreshdeskWeek } from './freshdesk';
import { ListingClient, ListingError, type ListingProgress } from './listing-client';
import type { PageAnswer } from './page-fetch';
import { addZendeskRisk, listZendeskAgents, listZendeskWeek } from './zendesk';

export interface HelpdeskTab {
  tabId: number;
  helpdesk: HelpdeskName;
  instance: string;
  title: string;
}

export type JobOutcome =
  | { status: 'done'; instance: string; weekId: string }
  | { status: 'cancelled' }
  | { status: 'failed'; code: string; message: string };

export interface SamplingDeps {
  db: QaDatabase;
  /** runs the page-fetch function in the tab; rejects when the tab cannot take it */
  fetchInTab: (tabId: number, path: string) => Promise<PageAnswer>;
  /** the tab's URL now; null when the tab is gone or its URL cannot be read */
  tabUrl: (tabId: number) => Promise<string | null>;
  /** the open helpdesk tabs (the vendors' hosts and the custom domains allowed) */
  helpdeskTabs: () => Promise<HelpdeskTab[]>;
  /** shows the URL in the tab */
  navigate: (tabId: number, url: string) => Promise<void>;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  now: () => number;
  random: () => number;
  progress: (jobId: string, progress: ListingProgress) => void;
  finished: (jobId: string, outcome: JobOutcome) => void;
  /** a sample was saved, or its items' done state may have changed */
  changed: () => void;
}

export interface DrawRequest {
  jobId: string;
  tabId: number;
  helpdesk: HelpdeskName;
  instance: string;
  week: { id: string; start: number; end: number; timeZone: string };
  perAgent: number;
  seed: string;
  mode: SampleMode;
  agentIds: string[] | null;
}

export interface SampleView extends SampleRecord {
  /** ticket ids of the items already reviewed */
  done: string[];
}

export interface QueueView {
  sample: { instance: string; helpdesk: HelpdeskName; weekId: string } | null;
  total: number;
  done: number;
  /** the item after `current` (or the first) that still needs a review */
  next: { ticketId: string; subject: string } | null;
}

export interface SamplingService {
  helpdeskTabs(): Promise<HelpdeskTab[]>;
  agents(input: { tabId: number; helpdesk: HelpdeskName; instance: string }): Promise<ListedAgent[]>;
  start(request: DrawRequest): void;
  cancel(jobId: string): boolean;
  sample(instance: string, weekId: string): Promise<SampleView | null>;
  queue(instance: string | null, currentTicketId: string | null): Promise<QueueView>;
  /** opens the next ticket of the queue in the tab; null when every item is done */
  openNext(tabId: number, instance: string | null, currentTicketId: string | null): Promise<string | null>;
}

const hostOf = (url: string | null) => {
  try {
    return url ? new URL(url).host : null;
  } catch {
    return null;
  }
};

export const ticketUrlFor = (helpdesk: HelpdeskName, instance: string) => (id: string) =>
  helpdesk === 'zendesk' ? zendeskTicketUrl(instance, id) : freshdeskTicketUrl(instance, id);

export function createSamplingService(deps: SamplingDeps): SamplingService {
  const jobs = new Map<string, AbortController>();

  const clientFor = (tabId: number, helpdesk: HelpdeskName, instance: string, signal: AbortSignal, onProgress?: (p: ListingProgress) => void) => {
    const label = siteFor(helpdesk).label;
    return new ListingClient({
      label,
      signal,
      onProgress,
      sleep: deps.sleep,
      now: deps.now,
      random: deps.random,
      async fetchPage(path) {
        // The session to use is that tab's: if it left the helpdesk (or closed), stop.
        if (hostOf(await deps.tabUrl(tabId)) !== instance) {
          throw new ListingError('no-tab', `The ${label} tab (${instance}) was closed or left ${label}. Open ${label} in a tab and draw again.`);
        }
        try {
          return await deps.fetchInTab(tabId, path);
        } catch (err) {
          throw new ListingError('no-tab', `Could not read through the ${label} tab (${err instanceof Error ? err.message : String(err)}). Reload it and draw again.`);
        }
      },
    });
  };

  const listAgents = (client: ListingClient, helpdesk: HelpdeskName) => (helpdesk === 'zendesk' ? listZendeskAgents(client) : listFreshdeskAgents(client));

  async function draw(request: DrawRequest, signal: AbortSignal): Promise<SampleRecord> {
    const { helpdesk, instance, week } = request;
    const client = clientFor(request.tabId, helpdesk, instance, signal, (p) => deps.progress(request.jobId, p));
    // Names for the per-agent counts; a helpdesk that will not list its agents still gets a sample.
    const agents = await listAgents(client, helpdesk).catch((err: unknown) => {
      if (err instanceof ListingError && (err.code === 'cancelled' || err.code === 'no-tab')) throw err;
      return [] as ListedAgent[];
    });
    const tickets: ListedTicket[] = helpdesk === 'zendesk' ? await listZendeskWeek(client, week) : await listFreshdeskWeek(client, week);
    const chosen = request.agentIds === null ? null : new Set(request.agentIds);
    if (request.mode === 'risk' && helpdesk === 'zendesk') {
      await addZendeskRisk(client, tickets.filter((t) => t.assigneeId !== null && (chosen === null || chosen.has(t.assigneeId))));
    }
    client.throwIfCancelled();
    client.report({ phase: 'saving' });
    // Tickets reviewed through an earlier draw of this same week stay eligible, so drawing again
    // with the same inputs gives the same sample; tickets reviewed otherwise are left out.
    const earlier = await readSample(deps.db, instance, week.id);
    const ownItems = new Set(earlier?.items.map((i) => i.ticketId) ?? []);
    const reviewed = await reviewedTicketIds(deps.db, helpdesk, instance);
    const exclude = new Set([...reviewed].filter((id) => !ownItems.has(id)));
    const plan = planSample({
      tickets,
      agents,
      agentIds: request.agentIds,
      perAgent: request.perAgent,
      seed: request.seed,
      mode: request.mode,
      exclude,
      ticketUrl: ticketUrlFor(helpdesk, instance),
    });
    client.throwIfCancelled();
    return saveSample(deps.db, {
      format: 'qa-sample/1',
      helpdesk,
      instance,
      weekId: week.id,
      weekStart: week.start,
      weekEnd: week.end,
      timeZone: week.timeZone,
      seed: request.seed,
      perAgent: request.perAgent,
      mode: request.mode,
      agentIds: request.agentIds,
      createdAt: new Date(deps.now()).toISOString(),
      found: plan.found,
      excluded: plan.excluded,
      unassigned: plan.unassigned,
      rateLimited: client.progress.rateLimited,
      agents: plan.agents,
      items: plan.items,
    });
  }

  async function view(sample: SampleRecord | null): Promise<SampleView | null> {
    if (!sample) return null;
    const done = await reviewedTicketIds(deps.db, sample.helpdesk, sample.instance, sample.items.map((i) => i.ticketId));
    return { ...sample, done: sample.items.filter((i) => done.has(i.ticketId)).map((i) => i.ticketId) };
  }

  async function queue(instance: string | null, currentTicketId: string | null): Promise<QueueView> {
    // The instance's own queue first; a reviewer on another helpdesk still sees their last one.
    const sample = await view((instance === null ? null : await latestSample(deps.db, instance)) ?? (await latestSample(deps.db, null)));
    if (!sample) return { sample: null, total: 0, done: 0, next: null };
    if (sample.instance !== instance) currentTicketId = null;
    const done = new Set(sample.done);
    const items = sample.items;
    // The next open item after the one on screen, wrapping round; the one on screen is never "next".
    const at = items.findIndex((i) => i.ticketId === currentTicketId);
    const order = at < 0 ? items : [...items.slice(at + 1), ...items.slice(0, at)];
    const next = order.find((i) => !done.has(i.ticketId)) ?? null;
    return {
      sample: { instance: sample.instance, helpdesk: sample.helpdesk, weekId: sample.weekId },
      total: items.length,
      done: done.size,
      next: next ? { ticketId: next.ticketId, subject: next.subject } : null,
    };
  }

  return {
    helpdeskTabs: () => deps.helpdeskTabs(),

    async agents({ tabId, helpdesk, instance }) {
      const client = clientFor(tabId, helpdesk, instance, new AbortController().signal);
      try {
        return await listAgents(client, helpdesk);
      } catch (err) {
        if (err instanceof ListingError) // The codes list is bundled into the content scripts: no new codes for the page's sake.
        throw new AppError(err.code === 'no-tab' ? 'no-tab' : 'internal', err.message);
        throw err;
      }
    },

    start(request) {
      if (jobs.has(request.jobId)) throw new AppError('bad-request', 'That job is already running.');
      const controller = new AbortController();
      jobs.set(request.jobId, controller);
      void draw(request, controller.signal)
        .then(
          (saved): JobOutcome => {
            deps.changed();
            return { status: 'done', instance: saved.instance, weekId: saved.weekId };
          },
          (err: unknown): JobOutcome => {
            if (err instanceof ListingError && err.code === 'cancelled') return { status: 'cancelled' };
            if (err instanceof ListingError) return { status: 'failed', code: err.code, message: err.message };
            return { status: 'failed', code: 'internal', message: err instanceof Error ? err.message : String(err) };
          },
        )
        .then((outcome) => {
          jobs.delete(request.jobId);
          deps.finished(request.jobId, outcome);
        });
    },

    cancel(jobId) {
      const job = jobs.get(jobId);
      job?.abort(new ListingError('cancelled', 'Cancelled.'));
      return job !== undefined;
    },

    sample: async (instance, weekId) => view(await readSample(deps.db, instance, weekId)),

    queue,

    async openNext(tabId, instance, currentTicketId) {
      const q = await queue(instance, currentTicketId);
      if (!q.sample || !q.next) return null;
      await deps.navigate(tabId, ticketUrlFor(q.sample.helpdesk, q.sample.instance)(q.next.ticketId));
      return q.next.ticketId;
    },
  };
}
