// The one message protocol between content scripts, the background and extension pages, merged
// from one file per feature. Each message name maps to a request and a response schema;
// receivers validate with them. Content scripts import only types from here, so zod stays out
// of them. A new message goes into its feature's file (or a new one spread in below) and gets
// exactly one handler in lib/background/handlers/<feature>.ts.
import type { z } from '../../zod';
import type { ErrorCode } from '../errors';
import { dashboardProtocol } from './dashboard';
import { dataProtocol } from './data';
import { exportsProtocol } from './exports';
import { reviewsProtocol } from './reviews';
import { rubricsProtocol } from './rubrics';
import { settingsProtocol } from './settings';
import { storageProtocol } from './storage';
import { tabsProtocol } from './tabs';
import { teamStoreProtocol } from './team-store';
import { samplingProtocol } from './sampling';

export * from './tabs';
export * from './events';
export type { ReviewFilter, ReviewFilterInput } from './exports';

export const protocol = {
  ...tabsProtocol,
  ...reviewsProtocol,
  ...rubricsProtocol,
  ...settingsProtocol,
  ...storageProtocol,
  ...dataProtocol,
  ...teamStoreProtocol,
  ...exportsProtocol,
  ...dashboardProtocol,
  ...samplingProtocol,
} as const;

export type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
export type RequestOf<K extends MessageName> = z.input<Protocol[K]['request']>;
export type ResponseOf<K extends MessageName> = z.output<Protocol[K]['response']>;

/** Every reply is wrapped so errors arrive as values with a sentence, not as a lost rejection. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; problems?: string[] } };

export interface Envelope<K extends MessageName = MessageName> {
  type: K;
  data: RequestOf<K>;
}
