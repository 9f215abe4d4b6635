import { describe, expect, it } from 'vitest';
import { describePolicy, outgoingRecord } from '../../../lib/export/outgoing';
import { pseudonymousAgent } from '../../../lib/export/pseudonym';
import type { ReviewRecord } from '../../../lib/review/record';

const SECRET = 'team-secret';

function record(): ReviewRecord {
  return {
    format: 'qa-review/1',
    id: '0b8e5f2a-1111-4222-8333-944455556666',
    revision: 2,
    kind: 'review',
    status: 'submitted',
    helpdesk: 'zendesk',
    instance: 'acme.zendesk.com',
    ticketId: '4821',
    ticketUrl: 'https://acme.zendesk.com/agent/tickets/4821',
    channel: 'email',
    subject: 'Refund for order #88213 — jane@example.com, +44 20 7946 0958',
    reviewee: { id: '8123', name: 'Sam Agent' },
    reviewer: { id: '9001', name: 'Rita Reviewer' },
    rubric: { id: 'later-complaints', version: 1 },
    score: 87.5,
    autoFailed: false,
    answers: [
      {
        criterionId: 'acknowledge',
        value: 1,
        na: false,
        score: 1,
        comment: 'Repeated the card 4111 1111 1111 1111 back to the customer',
        messageId: 'm1',
        evidence: [{ messageId: 'm2', quote: 'Call me on 07700 900123 or mail jane@example.com' }],
      },
      { criterionId: 'tone', value: null, na: true, score: null },
    ],
    strengths: 'Kept order 1234567 in view; replied at 14:30 on 2026-12-01',
    improvements: 'Do not ask for the full card 5500 0000 0000 0004',
    actions: [{ text: 'Call back on (415) 555-0132', due: '2026-12-08' }],
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T11:00:00.000Z',
    submittedAt: '2026-12-01T11:00:00.000Z',
  };
}

/** A stored row as lib/db keeps it, with its own bookkeeping fields. */
function storedRow() {
  return {
    ...record(),
    ticketKey: 'zendesk:acme.zendesk.com:4821',
    reviewerId: '9001',
    rubricId: 'later-complaints',
    origin: 'local' as const,
    writer: { id: 'form-1', seq: 7 },
    requester: { id: '77', name: 'Jane Customer', email: 'jane@example.com' },
  };
}

const CONTRACT_FIELDS = [
  'format', 'id', 'revision', 'kind', 'status', 'helpdesk', 'instance', 'ticketId', 'ticketUrl', 'channel', 'subject',
  'reviewee', 'reviewer', 'rubric', 'score', 'autoFailed', 'answers', 'strengths', 'improvements', 'actions',
  'createdAt', 'updatedAt', 'submittedAt',
];

describe('outgoingRecord', () => {
  it('keeps only the contract §5 fields, at every level', () => {
    const row = storedRow();
    const nested = {
      ...row,
      reviewee: { id: '8123', name: 'Sam Agent', email: 'sam@acme.example' },
      rubric: { ...row.rubric, title: 'Complaints' },
      answers: row.answers.map((answer) => ({ ...answer, draftNote: 'x', evidence: answer.evidence?.map((e) => ({ ...e, author: 'Jane Customer' })) })),
      actions: row.actions!.map((action) => ({ ...action, assignee: 'Jane Customer' })),
    };
    const out = outgoingRecord(nested, { redact: false });
    expect(Object.keys(out).sort()).toEqual([...CONTRACT_FIELDS].sort());
    expect(Object.keys(out.reviewee!).sort()).toEqual(['id', 'name']);
    expect(Object.keys(out.rubric).sort()).toEqual(['id', 'version']);
    expect(Object.keys(out.answers[0]!).sort()).toEqual(['comment', 'criterionId', 'evidence', 'messageId', 'na', 'score', 'value']);
    expect(Object.keys(out.answers[0]!.evidence![0]!).sort()).toEqual(['messageId', 'quote']);
    expect(Object.keys(out.actions![0]!).sort()).toEqual(['due', 'text']);
    const json = JSON.stringify(out);
    expect(json).not.toMatch(/ticketKey|reviewerId|rubricId|origin|writer|form-1|requester|Jane Customer|sam@acme/);
  });

  it('without redaction, sends the text as written', () => {
    const out = outgoingRecord(record(), { redact: false });
    expect(out).toEqual(record());
  });

  it('with redaction, replaces e-mails, phones and cards in every free-text field and nothing else', () => {
    const out = outgoingRecord(record(), { redact: true });
    expect(out.subject).toBe('Refund for order #88213 — [email], [phone]');
    expect(out.answers[0]!.comment).toBe('Repeated the card [card] back to the customer');
    expect(out.answers[0]!.evidence).toEqual([{ messageId: 'm2', quote: 'Call me on [phone] or mail [email]' }]);
    expect(out.strengths).toBe('Kept order 1234567 in view; replied at 14:30 on 2026-12-01');
    expect(out.improvements).toBe('Do not ask for the full card [card]');
    expect(out.actions).toEqual([{ text: 'Call back on [phone]', due: '2026-12-08' }]);
    // Everything else is untouched.
    const { subject: _s, answers: _a, improvements: _i, actions: _c, ...rest } = out;
    const { subject: _s2, answers: _a2, improvements: _i2, actions: _c2, ...original } = record();
    expect(rest).toEqual(original);
    expect(out.answers[1]).toEqual(record().answers[1]);
    expect(out.reviewee).toEqual({ id: '8123', name: 'Sam Agent' });
    const json = JSON.stringify(out);
    expect(json).not.toMatch(/jane@example\.com|7946|900123|4111|5500|555-0132/);
  });

  it('leaves absent optional fields absent', () => {
    const { subject: _s, strengths: _st, improvements: _i, actions: _a, submittedAt: _sub, ...bare } = record();
    const minimal: ReviewRecord = { ...bare, answers: [{ criterionId: 'tone', value: 1, na: false, score: 1 }] };
    const out = outgoingRecord(minimal, { redact: true, pseudonymSecret: SECRET });
    for (const key of ['subject', 'strengths', 'improvements', 'actions', 'submittedAt']) expect(key in out, key).toBe(false);
    expect(out.answers).toEqual([{ criterionId: 'tone', value: 1, na: false, score: 1 }]);
  });

  it('with a team secret, replaces the reviewee and the reviewer by their pseudonyms', () => {
    const out = outgoingRecord(record(), { redact: true, pseudonymSecret: SECRET });
    expect(out.reviewee).toEqual(pseudonymousAgent(SECRET, { id: '8123', name: 'Sam Agent' }));
    expect(out.reviewer).toEqual(pseudonymousAgent(SECRET, { id: '9001', name: 'Rita Reviewer' }));
    expect(JSON.stringify(out)).not.toMatch(/8123|9001|Sam Agent|Rita Reviewer/);
    // Stable across calls and records: the store can still group reviews by agent.
    expect(outgoingRecord({ ...record(), id: 'other', ticketId: '9999' }, { redact: false, pseudonymSecret: SECRET }).reviewee).toEqual(out.reviewee);
  });

  it('keeps a missing reviewee missing', () => {
    const out = outgoingRecord({ ...record(), reviewee: null }, { redact: false, pseudonymSecret: SECRET });
    expect(out.reviewee).toBeNull();
  });

  it('sends agents as they are without a secret (null or absent)', () => {
    expect(outgoingRecord(record(), { redact: false, pseudonymSecret: null }).reviewee).toEqual({ id: '8123', name: 'Sam Agent' });
    expect(outgoingRecord(record(), { redact: false }).reviewer).toEqual({ id: '9001', name: 'Rita Reviewer' });
  });

  it('refuses an empty secret instead of sending real names', () => {
    expect(() => outgoingRecord(record(), { redact: true, pseudonymSecret: '' })).toThrow(/secret/);
  });

  it('does not change the record it is given', () => {
    const input = storedRow();
    const copy = structuredClone(input);
    outgoingRecord(input, { redact: true, pseudonymSecret: SECRET });
    expect(input).toEqual(copy);
  });

  it('rejects a record that is not qa-review/1', () => {
    expect(() => outgoingRecord({ ...record(), format: 'qa-review/2' } as unknown as ReviewRecord, { redact: true })).toThrow();
    expect(() => outgoingRecord({ ...record(), revision: 0 }, { redact: true })).toThrow();
  });

  it('is idempotent: an outgoing record sent again comes out the same', () => {
    const policy = { redact: true };
    const once = outgoingRecord(storedRow(), policy);
    expect(outgoingRecord(once, policy)).toEqual(once);
  });
});

describe('describePolicy', () => {
  it('says what is replaced when redaction is on and agents are pseudonymous', () => {
    const lines = describePolicy({ redact: true, pseudonymSecret: SECRET });
    expect(lines.join('\n')).toMatch(/E-mail addresses, phone numbers and card numbers/);
    expect(lines.join('\n')).toMatch(/\[email\], \[phone\] and \[card\]/);
    expect(lines.join('\n')).toMatch(/subjects, comments, evidence quotes, strengths, improvements and actions/);
    expect(lines.join('\n')).toMatch(/replaced by pseudonyms/);
    expect(lines.join('\n')).not.toMatch(/Agent ids and names \(reviewee and reviewer\) are sent as they are/);
    expect(lines.join('\n')).toMatch(/Customers' names and e-mail addresses are not part of a review/);
  });

  it('says the text and the agents go as written when nothing is changed', () => {
    const text = describePolicy({ redact: false, pseudonymSecret: null }).join('\n');
    expect(text).toMatch(/sent as written, including any e-mail addresses, phone numbers or card numbers/);
    expect(text).toMatch(/Agent ids and names \(reviewee and reviewer\) are sent as they are/);
    expect(text).not.toMatch(/replaced/);
    expect(text).toMatch(/Customers' names and e-mail addresses/);
  });

  it('is plain sentences, one per line', () => {
    for (const policy of [{ redact: true }, { redact: false }, { redact: true, pseudonymSecret: SECRET }]) {
      const lines = describePolicy(policy);
      expect(lines.length).toBeGreaterThanOrEqual(3);
      for (const line of lines) expect(line).toMatch(/^[A-Z].*\.$/);
    }
  });
});
