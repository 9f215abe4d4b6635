// The one place that decides what of a review leaves the machine (contract §5, §7, §11): exports
// and the team store send only what `outgoingRecord` returns, and show `describePolicy` first.
import { reviewRecordSchema, type ReviewRecord } from '../review/record';
import { pseudonymousAgent } from './pseudonym';
import { redactText } from './redact';

export interface OutgoingPolicy {
  /** replace e-mail addresses, phone numbers and card numbers in free text (contract §7) */
  redact: boolean;
  /** the team secret: when set, agents' ids and names become pseudonyms; null/absent: sent as they are */
  pseudonymSecret?: string | null;
}

function pseudonymsOn(policy: OutgoingPolicy): policy is OutgoingPolicy & { pseudonymSecret: string } {
  return policy.pseudonymSecret !== undefined && policy.pseudonymSecret !== null;
}

/**
 * The `qa-review/1` record as it may leave the machine: only the contract's fields (a stored row's
 * own fields such as ticketKey, origin or writer, and anything else, are dropped by parsing through
 * the schema), free text redacted when `redact`, agents pseudonymous when a secret is given.
 * Throws when the record is not a valid `qa-review/1` record, or when the secret is empty.
 */
export function outgoingRecord(record: ReviewRecord, policy: OutgoingPolicy): ReviewRecord {
  // Parsing copies: the caller's record (often a stored row) is never changed.
  const clean = reviewRecordSchema.parse(record);
  const text = policy.redact ? redactText : (value: string) => value;
  const out: ReviewRecord = {
    ...clean,
    answers: clean.answers.map((answer) => ({
      ...answer,
      ...(answer.comment !== undefined ? { comment: text(answer.comment) } : {}),
      ...(answer.evidence ? { evidence: answer.evidence.map((item) => ({ ...item, quote: text(item.quote) })) } : {}),
    })),
  };
  if (clean.subject !== undefined) out.subject = text(clean.subject);
  if (clean.strengths !== undefined) out.strengths = text(clean.strengths);
  if (clean.improvements !== undefined) out.improvements = text(clean.improvements);
  if (clean.actions) out.actions = clean.actions.map((action) => ({ ...action, text: text(action.text) }));
  if (pseudonymsOn(policy)) {
    out.reviewer = pseudonymousAgent(policy.pseudonymSecret, clean.reviewer);
    out.reviewee = clean.reviewee ? pseudonymousAgent(policy.pseudonymSecret, clean.reviewee) : null;
  }
  return out;
}

/** Plain-English lines shown before anything leaves, saying what is sent and what is changed. */
export function describePolicy(policy: OutgoingPolicy): string[] {
  const lines: string[] = [];
  if (policy.redact) {
    lines.push(
      'E-mail addresses, phone numbers and card numbers in subjects, comments, evidence quotes, strengths, improvements and actions are replaced with [email], [phone] and [card].',
      'Other words in that text, including any names typed into it, are sent as written.',
    );
  } else {
    lines.push(
      'Subjects, comments, evidence quotes, strengths, improvements and actions are sent as written, including any e-mail addresses, phone numbers or card numbers in them.',
    );
  }
  lines.push(
    pseudonymsOn(policy)
      ? 'Agent ids and names (reviewee and reviewer) are replaced by pseudonyms made with the team secret, such as "Agent 3FA2C1"; the same agent always gets the same pseudonym.'
      : 'Agent ids and names (reviewee and reviewer) are sent as they are.',
    "Customers' names and e-mail addresses are not part of a review and are never sent as fields of their own.",
    'Ticket ids and links, scores, ratings and dates are sent as they are.',
  );
  return lines;
}
