// All handlers, one slice per feature. `satisfies Handlers` makes a message without a handler a
// type error; tests/unit/conventions.test.ts checks that no two slices answer the same message.
import type { Handlers } from '../../messaging/server';
import type { BackgroundDeps } from './deps';
import { dashboardHandlers } from './dashboard';
import { dataHandlers } from './data';
import { exportHandlers } from './exports';
import { reviewHandlers } from './reviews';
import { rubricHandlers } from './rubrics';
import { settingsHandlers } from './settings';
import { storageHandlers } from './storage';
import { tabHandlers } from './tabs';
import { teamStoreHandlers } from './team-store';
import { samplingHandlers } from './sampling';

export type { BackgroundDeps } from './deps';

/** Each feature's slice, by feature name; the conventions test reads it. */
export function handlerSlices(deps: BackgroundDeps) {
  return {
    tabs: tabHandlers(deps),
    reviews: reviewHandlers(deps),
    rubrics: rubricHandlers(deps),
    settings: settingsHandlers(deps),
    storage: storageHandlers(deps),
    data: dataHandlers(deps),
    teamStore: teamStoreHandlers(deps),
    exports: exportHandlers(deps),
    dashboard: dashboardHandlers(deps),
    sampling: samplingHandlers(deps),
  };
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  const slices = handlerSlices(deps);
  return { ...slices.tabs, ...slices.reviews, ...slices.rubrics, ...slices.settings, ...slices.storage, ...slices.data, ...slices.teamStore, ...slices.exports, ...slices.dashboard, ...slices.sampling } satisfies Handlers;
}
