import { z } from '../../zod';
import type { Person } from '../types';

const meSchema = z.object({
  id: z.union([z.number(), z.string()]),
  contact: z.object({ name: z.string().min(1), email: z.string().nullish() }),
});

/** The signed-in agent from /api/v2/agents/me (bare or wrapped in { agent }); null when unknown. */
export function parseFreshdeskReviewer(me: unknown): Person | null {
  const body = (me as { agent?: unknown } | null)?.agent ?? me;
  const parsed = meSchema.safeParse(body);
  if (!parsed.success) return null;
  const { id, contact } = parsed.data;
  return { id: `freshdesk:${id}`, name: contact.name, ...(contact.email ? { email: contact.email } : {}) };
}
