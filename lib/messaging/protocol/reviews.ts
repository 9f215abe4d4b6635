// Reviews: opening, autosaving and submitting the review of one ticket.
import { z } from '../../zod';
import { helpdeskNameSchema } from '../../helpdesk/ticket-schema';
import { reviewDraftInputSchema, reviewKindSchema, reviewRecordSchema } from '../../review/record';

const reviewSlot = z.object({
  helpdesk: helpdeskNameSchema,
  instance: z.string(),
  ticketId: z.string(),
  reviewerId: z.string(),
  rubricId: z.string(),
  kind: reviewKindSchema,
});

export const reviewsProtocol = {
  'reviews:open': {
    request: reviewSlot,
    // the newest revision for this ticket, reviewer and rubric, plus earlier submitted revisions
    response: z.object({ current: reviewRecordSchema.nullable(), history: z.array(reviewRecordSchema) }),
  },
  'reviews:rubric-in-use': { request: reviewSlot.omit({ rubricId: true }), response: z.object({ rubricId: z.string().nullable() }) },
  'reviews:save-draft': { request: reviewDraftInputSchema, response: reviewRecordSchema },
  'reviews:submit': { request: reviewDraftInputSchema, response: reviewRecordSchema },
} as const;
