import { formatPath } from '../json-path';
import { siteFor } from './registry';
import type { HelpdeskName } from './types';

/**
 * Thrown by the helpdesk parsers when a payload lacks something a ticket cannot do without
 * (id, subject, timestamps) or is not the shape we asked for at all. The message is meant to be
 * readable by a person ("Zendesk ticket: ticket.subject is missing"), so the panel can show it
 * as-is; `path` and `helpdesk` are there for code that wants to branch on it.
 */
export class HelpdeskParseError extends Error {
  override readonly name = 'HelpdeskParseError';
  readonly helpdesk: HelpdeskName;
  /** JSON path of the offending value, e.g. `ticket.subject` or `comments[3].id`; '' for the input itself. */
  readonly path: string;

  constructor(helpdesk: HelpdeskName, path: string, problem: string) {
    super(`${siteFor(helpdesk).label} ticket: ${path ? `${path} ` : ''}${problem}`);
    this.helpdesk = helpdesk;
    this.path = path;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by both parsers. Kept free of zod so that UI code can import the error class
// (for `instanceof`) without pulling the validator into content-script bundles.

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Short, single-line description of a bad value for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the string ${JSON.stringify(short)}`;
  }
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/**
 * Turns the first schema issue into a readable error. The message is derived from the offending
 * value itself (missing / null / wrong kind) rather than from the validator's wording, so it
 * reads the same whatever the validator version.
 */
export function errorFromIssue(
  helpdesk: HelpdeskName,
  base: readonly PropertyKey[],
  root: unknown,
  issue: { path: readonly PropertyKey[] } | undefined,
): HelpdeskParseError {
  const path = issue?.path ?? [];
  const value = valueAt(root, path);
  const where = formatPath([...base, ...path]);
  if (value === undefined) return new HelpdeskParseError(helpdesk, where, 'is missing');
  if (value === null) return new HelpdeskParseError(helpdesk, where, 'is missing (null)');
  return new HelpdeskParseError(helpdesk, where, `is malformed (got ${describeValue(value)})`);
}

/**
 * Ids arrive as JSON numbers (some above 10^13, still below 2^53) or strings; downstream
 * everything is a string. Integers beyond 2^53 have already lost precision in JSON.parse, but
 * showing them without an exponent keeps them at least recognisable.
 */
export function idToString(id: string | number): string {
  if (typeof id === 'string') return id.trim();
  return Number.isSafeInteger(id) ? String(id) : BigInt(id).toString();
}

// Both APIs send ISO 8601 (old Zendesk: "2011/05/05 22:30:12 +0000"). Requiring a leading date
// stops `new Date()` from accepting junk such as "12" as the year 2001.
const DATE_PREFIX = /^\s*\d{4}[-/]\d{1,2}[-/]\d{1,2}/;

/** ISO-8601 UTC string for a timestamp string (or epoch milliseconds), or null when unusable. */
export function toIsoTimestamp(value: unknown): string | null {
  let date: Date;
  if (typeof value === 'number' && Number.isFinite(value)) date = new Date(value);
  else if (typeof value === 'string' && DATE_PREFIX.test(value)) date = new Date(value.trim());
  else return null;
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Like `toIsoTimestamp`, but a missing or unusable value is an error naming `path`. */
export function requireTimestamp(helpdesk: HelpdeskName, path: string, value: unknown): string {
  const iso = toIsoTimestamp(value);
  if (iso !== null) return iso;
  if (value === undefined) throw new HelpdeskParseError(helpdesk, path, 'is missing');
  if (value === null) throw new HelpdeskParseError(helpdesk, path, 'is missing (null)');
  throw new HelpdeskParseError(helpdesk, path, `is not a valid timestamp (got ${describeValue(value)})`);
}

/** The host part of what the caller passed as instance ('acme.zendesk.com'), lower-cased. */
export function normalizeInstance(helpdesk: HelpdeskName, instance: unknown): string {
  if (typeof instance !== 'string' || instance.trim() === '') {
    throw new HelpdeskParseError(helpdesk, 'instance', instance === undefined ? 'is missing' : `is malformed (got ${describeValue(instance)})`);
  }
  // Tolerate a pasted origin or URL; only the host is meaningful.
  const host = instance.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#]/)[0] ?? '';
  if (host === '' || /[\s<>"'`]/.test(host)) {
    throw new HelpdeskParseError(helpdesk, 'instance', `is malformed (got ${describeValue(instance)})`);
  }
  return host.toLowerCase();
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The part of a zod schema the parsers use, typed structurally so this file stays free of zod. */
export interface SafeParser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[] }[] } };
}

/** Validates `value` (found at `base` in the input) or throws an error naming the first bad path. */
export function parseAt<T>(helpdesk: HelpdeskName, base: readonly PropertyKey[], value: unknown, schema: SafeParser<T>): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw errorFromIssue(helpdesk, base, value, parsed.error.issues[0]);
}

/** The input's list of messages (comments, conversations), which must at least be an array. */
export function requireArray(helpdesk: HelpdeskName, field: string, value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  throw new HelpdeskParseError(helpdesk, field, value === undefined ? 'is missing' : 'is not an array');
}

/** The ticket object the input names, which must at least be an object. */
export function requireObject(helpdesk: HelpdeskName, field: string, value: unknown): Record<string, unknown> {
  if (isRecord(value)) return value;
  throw new HelpdeskParseError(helpdesk, field, value === undefined ? 'is missing' : 'is not an object');
}
