import { useState } from 'react';
import type { Message } from '@/lib/helpdesk/types';
import { formatDateTime } from './format';

/** Tickets up to this size show every message; longer ones open with both ends visible. */
export const FULL_TRANSCRIPT_LIMIT = 200;
const HEAD = 5;
const TAIL = 50;
const EXPAND_STEP = 200;
const LONG_TEXT = 1_200;

const ROLE_LABELS = { customer: 'Customer', agent: 'Agent', system: 'System' } as const;

function MessageItem({ message, helpdeskLabel }: { message: Message; helpdeskLabel: string }) {
  const [expanded, setExpanded] = useState(false);
  const long = message.text.length > LONG_TEXT;
  const internal = message.visibility === 'internal';
  return (
    <li className={`message role-${message.role}${internal ? ' internal' : ''}`} data-testid="ticket-message" data-visibility={message.visibility} data-message-id={message.id}>
      <div className="message-meta">
        <span className="message-author">{message.author.name}</span>
        <span className={`role-badge role-badge-${message.role}`}>{ROLE_LABELS[message.role]}</span>
        {internal && <span className="internal-badge">Internal note</span>}
        <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
      </div>
      {/* Ticket text is hostile input: it is only ever rendered as text. */}
      <p className="message-text">{long && !expanded ? `${message.text.slice(0, LONG_TEXT)}…` : message.text}</p>
      {/* Cut for size (text-budget.ts): the reviewer must know this is not everything that was said. */}
      {message.truncated && (
        <p className="message-truncated" data-testid="message-truncated">
          Truncated — open the ticket in {helpdeskLabel} for the full text.
        </p>
      )}
      {long && (
        <button type="button" className="link-button" onClick={() => setExpanded((e) => !e)} aria-expanded={expanded}>
          {expanded ? 'Show less' : message.truncated ? 'Show all that was kept' : 'Show the whole message'}
        </button>
      )}
    </li>
  );
}

export function Transcript({ messages, helpdeskLabel = 'the helpdesk' }: { messages: Message[]; helpdeskLabel?: string }) {
  const [shownEarlier, setShownEarlier] = useState(0);
  const internal = messages.filter((m) => m.visibility === 'internal').length;
  const collapsible = messages.length > FULL_TRANSCRIPT_LIMIT;
  const hiddenCount = collapsible ? Math.max(0, messages.length - HEAD - TAIL - shownEarlier) : 0;
  const head = collapsible ? messages.slice(0, HEAD + shownEarlier) : messages;
  const tail = collapsible ? messages.slice(messages.length - TAIL) : [];

  return (
    <details className="transcript" open>
      <summary>
        Conversation · {messages.length} message{messages.length === 1 ? '' : 's'}
        {internal > 0 && ` · ${internal} internal`}
      </summary>
      {messages.length === 0 ? (
        <p className="muted">This ticket has no messages yet.</p>
      ) : (
        <ol className="message-list">
          {head.map((m) => (
            <MessageItem key={m.id} message={m} helpdeskLabel={helpdeskLabel} />
          ))}
          {hiddenCount > 0 && (
            <li className="collapsed-messages">
              <button type="button" onClick={() => setShownEarlier((n) => n + EXPAND_STEP)}>
                Show {Math.min(EXPAND_STEP, hiddenCount)} of {hiddenCount} hidden messages
              </button>
            </li>
          )}
          {hiddenCount > 0 ? tail.map((m) => <MessageItem key={m.id} message={m} helpdeskLabel={helpdeskLabel} />) : collapsible && messages.slice(HEAD + shownEarlier).map((m) => <MessageItem key={m.id} message={m} helpdeskLabel={helpdeskLabel} />)}
        </ol>
      )}
    </details>
  );
}
