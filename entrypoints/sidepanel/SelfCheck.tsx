import { useMemo } from 'react';
import type { Person, Ticket } from '@/lib/helpdesk/types';
import { siteFor } from '@/lib/helpdesk/registry';
import { draftContextFor } from '@/lib/review/draft-context';
import { checkDraft } from '@/lib/selfcheck/checks';
import { useTabDraft } from './hooks/use-tab-draft';

const SEVERITY_LABELS = { error: 'Fix before sending', warning: 'Worth a look', info: 'Tip' } as const;

/** The agent's check of their own unsent reply, live as they type in the helpdesk. */
export function SelfCheck({ tabId, ticket, agent }: { tabId: number | null; ticket: Ticket; agent: Person }) {
  const draft = useTabDraft(tabId);
  const text = draft && draft.ticketId === ticket.id ? draft.text : '';
  const findings = useMemo(() => checkDraft(text, draftContextFor(ticket, agent)), [text, ticket, agent]);

  return (
    <section className="self-check card-like" aria-label="Check my reply">
      <h2>Your reply</h2>
      {!text ? (
        <p className="muted" data-testid="draft-empty">
          Start writing your reply in {siteFor(ticket.helpdesk).label}; it is checked here as you type.
        </p>
      ) : (
        <>
          <blockquote className="draft-preview">{text.length > 600 ? `${text.slice(0, 600)}…` : text}</blockquote>
          {findings.length === 0 ? (
            <p className="ok-text" data-testid="draft-ok">
              {ticket.channel === 'email' ? 'No issues found. Greeting, name, next steps and sign-off are all there.' : 'No issues found.'}
            </p>
          ) : (
            <ul className="findings">
              {findings.map((f) => (
                <li key={f.id} className={`finding finding-${f.severity}`} data-testid="draft-finding" data-rule={f.id} data-severity={f.severity}>
                  <span className="finding-severity">{SEVERITY_LABELS[f.severity]}</span> {f.message}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
