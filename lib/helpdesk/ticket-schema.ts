// The normalized Ticket as a zod schema, for validating tickets that cross a messaging boundary.
import { z } from '../zod';
import { HELPDESK_NAMES } from './registry';
import type { Ticket } from './types';

export const channelSchema = z.enum(['email', 'chat', 'messaging', 'phone', 'web', 'social', 'other']);
export const helpdeskNameSchema = z.enum(HELPDESK_NAMES);

export const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().optional(),
});

export const messageSchema = z.object({
  id: z.string(),
  author: personSchema,
  role: z.enum(['customer', 'agent', 'system']),
  visibility: z.enum(['public', 'internal']),
  createdAt: z.string(),
  text: z.string(),
  html: z.string().optional(),
  truncated: z.boolean().optional(),
});

export const ticketSchema = z.object({
  helpdesk: helpdeskNameSchema,
  instance: z.string(),
  id: z.string(),
  url: z.string(),
  subject: z.string(),
  status: z.string(),
  channel: channelSchema,
  tags: z.array(z.string()),
  requester: personSchema,
  assignee: personSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  messages: z.array(messageSchema),
  metrics: z.record(z.string(), z.number().nullable()).optional(),
}) satisfies z.ZodType<Ticket>;

/** One key per ticket across helpdesks and instances; reviews are filed under it. */
export function ticketKey(t: Pick<Ticket, 'helpdesk' | 'instance' | 'id'>): string {
  return `${t.helpdesk}:${t.instance}:${t.id}`;
}
