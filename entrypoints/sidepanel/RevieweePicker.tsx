import { useId, useMemo } from 'react';
import type { Person, Ticket } from '@/lib/helpdesk/types';
import { blindAliases, revieweeCandidates } from './agents';

interface Props {
  ticket: Ticket;
  /** who the review is about; null when nobody is chosen yet */
  reviewee: Person | null;
  readOnly: boolean;
  /** blind scoring: agents show under an alias */
  blind: boolean;
  onChange: (reviewee: Person) => void;
}

/**
 * Names who is reviewed ("Reviewing: Tom Fletcher") and lets the reviewer pick another agent who
 * wrote in the ticket. Blind scoring shows an alias; the review still records the real agent.
 */
export function RevieweePicker({ ticket, reviewee, readOnly, blind, onChange }: Props) {
  const selectId = useId();
  const candidates = useMemo(() => revieweeCandidates(ticket), [ticket]);
  const aliases = useMemo(() => (blind ? blindAliases(ticket) : null), [ticket, blind]);
  const assigneeId = ticket.assignee?.id ?? null;
  const nameOf = (p: Person) => (aliases ? (aliases.get(p.id) ?? 'Agent') : p.name);
  const optionLabel = (p: Person) => `${nameOf(p)}${p.id === assigneeId ? ' (assignee)' : ''}`;
  // A stored reviewee who no longer wrote in the ticket stays choosable, so the select never lies.
  const options = reviewee && !candidates.some((c) => c.id === reviewee.id) ? [reviewee, ...candidates] : candidates;
  const others = options.filter((c) => c.id !== reviewee?.id);
  const canChoose = !readOnly && (reviewee === null ? options.length > 0 : others.length > 0);

  return (
    <div className={`reviewee-picker${reviewee ? '' : ' reviewee-missing'}`}>
      {/* Contract §10: the element's text is the reviewee's name alone (an alias while blind). */}
      {reviewee ? (
        <span className="reviewee-line">
          Reviewing:{' '}
          <strong data-testid="reviewee" data-agent-id={reviewee.id}>
            {nameOf(reviewee)}
          </strong>
          {aliases ? ' (name hidden)' : ''}
        </span>
      ) : (
        <span data-testid="reviewee" data-agent-id="">
          {options.length > 0 ? 'Choose who is reviewed' : 'No agent to review: the ticket is unassigned and no agent has replied'}
        </span>
      )}
      {canChoose && (
        <>
          <label htmlFor={selectId} className="visually-hidden">
            {reviewee ? 'Review another agent' : 'Choose who is reviewed'}
          </label>
          <select
            id={selectId}
            data-testid="reviewee-select"
            value=""
            aria-invalid={reviewee === null}
            onChange={(e) => {
              const next = options.find((c) => c.id === e.target.value);
              if (next) onChange(next);
            }}
          >
            <option value="" disabled>
              {reviewee ? 'Change…' : 'Choose…'}
            </option>
            {(reviewee ? others : options).map((c) => (
              <option key={c.id} value={c.id}>
                {optionLabel(c)}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}
