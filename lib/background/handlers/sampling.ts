// The weekly sample and the review queue (see lib/background/sampling/service.ts).
import { AppError } from '../../messaging/errors';
import type { SamplingService } from '../sampling/service';
import type { BackgroundDeps, HandlerSlice } from './deps';

export function samplingHandlers(deps: BackgroundDeps): HandlerSlice<'sampling:tabs' | 'sampling:agents' | 'sampling:start' | 'sampling:cancel' | 'sampling:get' | 'sampling:queue' | 'sampling:next'> {
  const service = (): SamplingService => {
    if (!deps.sampling) throw new AppError('internal', 'Sampling is not available in this part of the extension.');
    return deps.sampling;
  };
  return {
    'sampling:tabs': () => service().helpdeskTabs(),
    'sampling:agents': (source) => service().agents(source),
    'sampling:start': (request) => {
      service().start(request);
      return { ok: true };
    },
    'sampling:cancel': ({ jobId }) => ({ cancelled: service().cancel(jobId) }),
    'sampling:get': ({ instance, weekId }) => service().sample(instance, weekId),
    'sampling:queue': ({ instance, ticketId }) => service().queue(instance, ticketId),
    'sampling:next': async ({ tabId, instance, ticketId }) => ({ ticketId: await service().openNext(tabId, instance, ticketId) }),
  };
}
