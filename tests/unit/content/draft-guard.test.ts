import { describe, expect, it } from 'vitest';
import { blockingFindings } from '@/lib/content/draft-guard';
import { checkDraft, type DraftFinding } from '@/lib/selfcheck/checks';

const finding = (id: DraftFinding['id'], severity: DraftFinding['severity']): DraftFinding => ({ id, severity, message: `${id}.` });

describe('blockingFindings: only errors may hold a Send', () => {
  it('keeps errors and drops warnings and tips', () => {
    const findings = [
      finding('placeholder', 'error'),
      finding('sensitive-data', 'error'),
      finding('greeting', 'warning'),
      finding('customer-name', 'info'),
      finding('next-steps', 'warning'),
      finding('sign-off', 'warning'),
    ];
    expect(blockingFindings(findings).map((f) => f.id)).toEqual(['placeholder', 'sensitive-data']);
  });

  it('lets a reply with only warnings through, whatever the channel', () => {
    const poorEmail = checkDraft('The refund is done.', { channel: 'email', customerName: 'Sarah Jones', isComplaint: true });
    expect(poorEmail.map((f) => f.severity)).toEqual(['warning', 'warning', 'warning', 'warning', 'warning']);
    expect(blockingFindings(poorEmail)).toEqual([]);
    expect(blockingFindings(checkDraft('The refund is done.', { channel: 'chat', customerName: 'Amelia Hughes' }))).toEqual([]);
  });

  it('holds the chat reply that was stopped before for nothing, and an unfilled placeholder for its error', () => {
    expect(blockingFindings(checkDraft('One moment please, I am checking that for you now.', { channel: 'chat', customerName: 'Amelia Hughes' }))).toEqual([]);
    expect(blockingFindings(checkDraft('Your order [ORDER NUMBER] is on its way.', { channel: 'chat' })).map((f) => f.id)).toEqual(['placeholder']);
  });
});
