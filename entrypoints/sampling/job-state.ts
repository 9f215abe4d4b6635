// The listing-and-draw job as the Sampling page sees it, as a reducer: started, moving on
// (progress events), and its end (done, cancelled, failed). Events of another job are ignored,
// and a late progress event never reopens a job that has ended.
import type { JobOutcomeView, ListingProgressView } from '@/lib/messaging/protocol/sampling';

export type JobState =
  | { status: 'idle' }
  | { status: 'running'; jobId: string; progress: ListingProgressView | null; cancelling: boolean }
  | { status: 'done'; jobId: string; instance: string; weekId: string }
  | { status: 'cancelled'; jobId: string }
  | { status: 'failed'; jobId: string | null; message: string };

export type JobAction =
  | { type: 'started'; jobId: string }
  | { type: 'progress'; jobId: string; progress: ListingProgressView }
  | { type: 'cancel-asked'; jobId: string }
  | { type: 'finished'; jobId: string; outcome: JobOutcomeView }
  /** the start request itself was refused */
  | { type: 'start-failed'; message: string };

export const IDLE_JOB: JobState = { status: 'idle' };

export function jobReducer(state: JobState, action: JobAction): JobState {
  switch (action.type) {
    case 'started':
      return { status: 'running', jobId: action.jobId, progress: null, cancelling: false };
    case 'start-failed':
      return { status: 'failed', jobId: null, message: action.message };
    case 'progress':
      return state.status === 'running' && state.jobId === action.jobId ? { ...state, progress: action.progress } : state;
    case 'cancel-asked':
      return state.status === 'running' && state.jobId === action.jobId ? { ...state, cancelling: true } : state;
    case 'finished': {
      if (state.status !== 'running' || state.jobId !== action.jobId) return state;
      const { outcome } = action;
      if (outcome.status === 'done') return { status: 'done', jobId: action.jobId, instance: outcome.instance, weekId: outcome.weekId };
      if (outcome.status === 'cancelled') return { status: 'cancelled', jobId: action.jobId };
      return { status: 'failed', jobId: action.jobId, message: outcome.message };
    }
  }
}

/** What the progress line says: the phase, what was read, and a wait for the helpdesk. */
export function describeProgress(progress: ListingProgressView | null, label: string): string {
  if (!progress) return `Asking ${label}…`;
  switch (progress.phase) {
    case 'agents':
      return `Reading the agents from ${label}…`;
    case 'tickets':
      return `Listing the week's tickets: ${progress.pages} ${progress.pages === 1 ? 'page' : 'pages'}, ${progress.tickets} tickets`;
    case 'risk':
      return `Reading risk signals: ${progress.riskDone} of ${progress.riskTotal} tickets`;
    case 'saving':
      return 'Drawing and saving the sample…';
  }
}
