import { HelpdeskHttpError } from '@/lib/helpdesk/errors';

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
