import { expect } from 'vitest';
import { HelpdeskHttpError } from '@/lib/helpdesk/errors';
import { HelpdeskParseError } from '@/lib/helpdesk/parse-error';
import type { HelpdeskName } from '@/lib/helpdesk/types';

/** The HelpdeskHttpError a call fails with; fails the test if it succeeds or throws anything else. */
export async function httpFailure(call: Promise<unknown>): Promise<HelpdeskHttpError> {
  try {
    await call;
  } catch (err) {
    if (err instanceof HelpdeskHttpError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

/** Runs a parser expected to reject its input, and checks the readable error it throws. */
export function expectHelpdeskParseError(helpdesk: HelpdeskName, run: () => unknown, message: string, path?: string): HelpdeskParseError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(HelpdeskParseError);
  const error = caught as HelpdeskParseError;
  expect(error.message).toBe(message);
  expect(error.helpdesk).toBe(helpdesk);
  if (path !== undefined) expect(error.path).toBe(path);
  return error;
}
