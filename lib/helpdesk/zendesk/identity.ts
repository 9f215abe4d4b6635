import { z } from '../../zod';
import type { Person } from '../types';

const meSchema = z.object({
  user: z.object({ id: z.union([z.number(), z.string()]), name: z.string().min(1), email: z.string().nullish() }),
});

/** The signed-in agent from /api/v2/users/me.json; null when it was not readable. */
export function parseZendeskReviewer(me: unknown): Person | null {
  const parsed = meSchema.safeParse(me);
  if (!parsed.success) return null;
  const { id, name, email } = parsed.data.user;
  // Anonymous visitors get a user object with a null id; only a real id identifies a reviewer.
  return { id: `zendesk:${id}`, name, ...(email ? { email } : {}) };
}
