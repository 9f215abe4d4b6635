import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { Message, Ticket } from '@/lib/helpdesk/types';
import { authorLabel, blindAliases, nameMasker, revieweeCandidates } from './agents';
import { formatDateTime } from '@/components/format';
import { useRememberedOpen } from './hooks/use-remembered-open';
import { TRANSCRIPT_FILTERS, highlightParts, matchRanges, messageMatches, passesFilter, queryPattern, safeTicketUrl, type TranscriptFilter } from './transcript-view';

/** Tickets up to this size show every message; longer ones open with both ends visible. */
export const FULL_TRANSCRIPT_LIMIT = 200;
const HEAD = 5;
const TAIL = 50;
const EXPAND_STEP = 200;
const LONG_TEXT = 1_200;

const ROLE_LABELS = { customer: 'Customer', agent: 'Agent', system: 'System' } as const;

/** A message as the panel shows it: under blind scoring, agents' names are replaced. */
interface ShownMessage {
  message: Message;
  author: string;
  text: string;
}

/** Text with the search's matches marked — as text nodes and <mark> elements, never as markup. */
function Highlighted({ text, pattern }: { text: string; pattern: RegExp | null }) {
  return (
    <>
      {highlightParts(text, pattern).map((part, i) =>
        part.match ? (
          <mark key={i} data-testid="search-match">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

function MessageItem({ shown, pattern, helpdeskLabel, ticketUrl }: { shown: ShownMessage; pattern: RegExp | null; helpdeskLabel: string; ticketUrl: string | null }) {
  const { message, text } = shown;
  const [expanded, setExpanded] = useState(false);
  const long = text.length > LONG_TEXT;
  // A match past the cut would be invisible: the search shows the whole message instead.
  const first = long && pattern ? matchRanges(text, pattern)[0] : undefined;
  const matchPastCut = first !== undefined && first[1] > LONG_TEXT;
  const whole = !long || expanded || matchPastCut;
  const internal = message.visibility === 'internal';
  return (
    <li className={`message role-${message.role}${internal ? ' internal' : ''}`} data-testid="ticket-message" data-visibility={message.visibility} data-message-id={message.id}>
      <div className="message-meta">
        <span className="message-author" data-testid="message-author">
          <Highlighted text={shown.author} pattern={pattern} />
        </span>
        <span className={`role-badge role-badge-${message.role}`}>{ROLE_LABELS[message.role]}</span>
        {internal && <span className="internal-badge">Internal note</span>}
        <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
        {ticketUrl && (
          <a
            className="message-link"
            data-testid="message-link"
            href={ticketUrl}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={`Open the ticket in ${helpdeskLabel} (message of ${formatDateTime(message.createdAt)})`}
            title={`${helpdeskLabel} has no link to a single message: this opens the ticket`}
          >
            Open ↗
          </a>
        )}
      </div>
      {/* Ticket text is hostile input: it is only ever rendered as text. */}
      <p className="message-text">
        <Highlighted text={whole ? text : `${text.slice(0, LONG_TEXT)}…`} pattern={pattern} />
      </p>
      {/* Cut for size (text-budget.ts): the reviewer must know this is not everything that was said. */}
      {message.truncated && (
        <p className="message-truncated" data-testid="message-truncated">
          Truncated — open the ticket in {helpdeskLabel} for the full text.
        </p>
      )}
      {long && !matchPastCut && (
        <button type="button" className="link-button" onClick={() => setExpanded((e) => !e)} aria-expanded={expanded}>
          {expanded ? 'Show less' : message.truncated ? 'Show all that was kept' : 'Show the whole message'}
        </button>
      )}
    </li>
  );
}

interface Props {
  ticket: Pick<Ticket, 'messages' | 'assignee' | 'url' | 'instance'>;
  helpdeskLabel?: string;
  /** blind scoring: agents' names become "Agent" (or "Agent 1", "Agent 2"…) */
  blind?: boolean;
}

export function Transcript({ ticket, helpdeskLabel = 'the helpdesk', blind = false }: Props) {
  const { messages } = ticket;
  const [open, setOpen] = useRememberedOpen('transcript', true);
  const [shownEarlier, setShownEarlier] = useState(0);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<TranscriptFilter>('all');
  // Typing stays quick on a 5 000-message ticket: the list follows a moment later.
  const deferredQuery = useDeferredValue(query);
  const searchId = useId();
  const filterId = useId();
  const ticketUrl = safeTicketUrl(ticket);

  const shown = useMemo((): ShownMessage[] => {
    if (!blind) return ticket.messages.map((m) => ({ message: m, author: m.author.name, text: m.text }));
    const aliases = blindAliases(ticket);
    const mask = nameMasker(revieweeCandidates(ticket), aliases);
    return ticket.messages.map((m) => ({ message: m, author: authorLabel(m, aliases), text: mask(m.text) }));
  }, [ticket, blind]);

  const pattern = useMemo(() => queryPattern(deferredQuery), [deferredQuery]);
  const visible = useMemo(() => shown.filter((s) => passesFilter(s.message, filter) && messageMatches(s.author, s.text, pattern)), [shown, filter, pattern]);
  const narrowed = filter !== 'all' || pattern !== null;

  const internal = messages.filter((m) => m.visibility === 'internal').length;
  const collapsible = visible.length > FULL_TRANSCRIPT_LIMIT;
  const hiddenCount = collapsible ? Math.max(0, visible.length - HEAD - TAIL - shownEarlier) : 0;
  const head = collapsible ? visible.slice(0, HEAD + shownEarlier) : visible;
  const tail = collapsible ? visible.slice(visible.length - TAIL) : [];
  const item = (s: ShownMessage) => <MessageItem key={s.message.id} shown={s} pattern={pattern} helpdeskLabel={helpdeskLabel} ticketUrl={ticketUrl} />;

  return (
    <details className="transcript panel-section" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="transcript-section">
      <summary>
        Conversation · {messages.length} message{messages.length === 1 ? '' : 's'}
        {internal > 0 && ` · ${internal} internal`}
      </summary>
      {messages.length === 0 ? (
        <p className="muted">This ticket has no messages yet.</p>
      ) : (
        <>
          <div className="transcript-tools">
            <label htmlFor={searchId} className="visually-hidden">
              Search the conversation
            </label>
            <input
              id={searchId}
              type="search"
              data-testid="transcript-search"
              placeholder="Search the conversation"
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setShownEarlier(0);
              }}
            />
            <label htmlFor={filterId} className="visually-hidden">
              Show
            </label>
            <select
              id={filterId}
              data-testid="transcript-filter"
              value={filter}
              onChange={(e) => {
                setFilter(e.target.value as TranscriptFilter);
                setShownEarlier(0);
              }}
            >
              {TRANSCRIPT_FILTERS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </div>
          <p className="transcript-count">
            <span data-testid="transcript-count" data-shown={visible.length} data-total={messages.length} role="status">
              {narrowed ? `${visible.length} of ${messages.length} messages` : `${messages.length} message${messages.length === 1 ? '' : 's'}`}
            </span>
            {ticketUrl && <> · <em>Open ↗</em> opens the ticket in {helpdeskLabel}: it has no link to a single message.</>}
          </p>
          {visible.length === 0 ? (
            <p className="muted" data-testid="transcript-empty">
              No message matches. Clear the search or show all messages.
            </p>
          ) : (
            <ol className="message-list">
              {head.map(item)}
              {hiddenCount > 0 && (
                <li className="collapsed-messages">
                  <button type="button" onClick={() => setShownEarlier((n) => n + EXPAND_STEP)}>
                    Show {Math.min(EXPAND_STEP, hiddenCount)} of {hiddenCount} hidden messages
                  </button>
                </li>
              )}
              {hiddenCount > 0 ? tail.map(item) : collapsible && visible.slice(HEAD + shownEarlier).map(item)}
            </ol>
          )}
        </>
      )}
    </details>
  );
}
