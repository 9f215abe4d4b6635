// The dashboard's one piece of state: the date range and the filter. Everything on the page is
// derived from it (the background answers per query), so this is all a person's choices are.
import { isDay } from '@/lib/analytics/days';
import type { DashboardFilter } from '@/lib/analytics/rollup';
import type { DashboardQuery } from '@/lib/messaging/protocol/dashboard';

export interface DashboardState {
  /** as typed in the date inputs: '' or a half-typed value is possible */
  from: string;
  to: string;
  filter: DashboardFilter;
}

type TextFilter = 'agentId' | 'reviewerId' | 'channel' | 'kind';

export type DashboardAction =
  | { type: 'from'; value: string }
  | { type: 'to'; value: string }
  | { type: 'filter'; key: TextFilter; value: string }
  /** `value`: '' for every rubric, else `rubricKey(id, version)` */
  | { type: 'rubric'; value: string }
  | { type: 'mine'; on: boolean }
  | { type: 'clear-filters' };

export const rubricKey = (id: string, version: number) => JSON.stringify([id, version]);

export function dashboardReducer(state: DashboardState, action: DashboardAction): DashboardState {
  switch (action.type) {
    case 'from':
      return { ...state, from: action.value };
    case 'to':
      return { ...state, to: action.value };
    case 'filter': {
      const { [action.key]: _old, ...rest } = state.filter;
      return { ...state, filter: action.value === '' ? rest : { ...rest, [action.key]: action.value } };
    }
    case 'rubric': {
      const { rubricId: _id, rubricVersion: _version, ...rest } = state.filter;
      if (action.value === '') return { ...state, filter: rest };
      const [rubricId, rubricVersion] = JSON.parse(action.value) as [string, number];
      return { ...state, filter: { ...rest, rubricId, rubricVersion } };
    }
    case 'mine': {
      const { mine: _mine, ...rest } = state.filter;
      return { ...state, filter: action.on ? { ...rest, mine: true } : rest };
    }
    case 'clear-filters':
      return { ...state, filter: {} };
  }
}

/** The query to ask for, or why there is none (a range that is not one). */
export function queryOf(state: DashboardState, timeZone: string): { query: DashboardQuery } | { problem: string } {
  if (!isDay(state.from) || !isDay(state.to)) return { problem: 'Pick both dates of the range.' };
  if (state.from > state.to) return { problem: 'The range starts after it ends: pick a "From" date on or before the "To" date.' };
  return { query: { timeZone, from: state.from, to: state.to, filter: state.filter } };
}
