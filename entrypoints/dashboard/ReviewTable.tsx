// The reviews behind the figures, newest first, a page at a time (keyset paging from the
// background: "Older" carries the last row shown, "Newer" goes back through the pages seen).
import { useState } from 'react';
import { useProtocolQuery } from '@/components/query';
import type { DashboardQuery, ReviewCursor } from '@/lib/messaging/protocol/dashboard';
import { formatScore, formatWhen, safeTicketUrl } from './format';

const PAGE_SIZE = 25;

const ORIGIN_BADGE = { local: null, pulled: 'team', imported: 'imported' } as const;
const ORIGIN_TITLE = { local: '', pulled: "A teammate's review, fetched from the team store", imported: 'Imported from a reviewer’s file' } as const;

export function ReviewTable({ query, total, rubricNames }: { query: DashboardQuery; total: number; rubricNames: ReadonlyMap<string, string> }) {
  // The cursors of the pages before this one; [] on the first page.
  const [pages, setPages] = useState<(ReviewCursor | null)[]>([null]);
  const before = pages.at(-1)!;
  const read = useProtocolQuery('dashboard:reviews', { ...query, before, limit: PAGE_SIZE });
  // The page shown stays while the next one loads, so the pager keeps its place (and focus);
  // a press meanwhile waits for it.
  const [shown, setShown] = useState<{ data: NonNullable<typeof read.data>; first: number } | null>(null);
  if (read.data && shown?.data !== read.data) setShown({ data: read.data, first: (pages.length - 1) * PAGE_SIZE });

  return (
    <section className="card" aria-labelledby="reviews-heading">
      <div className="section-head">
        <h2 id="reviews-heading">Reviews</h2>
        {shown && shown.data.rows.length > 0 && (
          <span className="muted" data-testid="review-page">
            {shown.first + 1}–{shown.first + shown.data.rows.length} of {total}
          </span>
        )}
      </div>
      {read.error ? (
        <p className="import-error" role="alert">
          The reviews could not be read: {read.error.message}{' '}
          <button type="button" onClick={() => void read.refetch()}>
            Try again
          </button>
        </p>
      ) : !shown ? (
        <p className="muted" role="status">
          Loading reviews…
        </p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table review-table">
              <thead>
                <tr>
                  <th scope="col">Submitted</th>
                  <th scope="col">Ticket</th>
                  <th scope="col">Agent</th>
                  <th scope="col">Reviewer</th>
                  <th scope="col">Rubric</th>
                  <th scope="col" className="num">
                    Score
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.data.rows.map((r) => {
                  const url = safeTicketUrl(r.ticketUrl);
                  const badge = ORIGIN_BADGE[r.origin];
                  return (
                    <tr key={`${r.id}/${r.revision}`} data-testid="review-row" data-review-id={r.id} data-revision={r.revision} data-origin={r.origin}>
                      <td>{formatWhen(r.submittedAt, query.timeZone)}</td>
                      <td className="ticket-cell">
                        {url ? (
                          <a href={url} target="_blank" rel="noopener noreferrer" data-testid="review-ticket-link">
                            #{r.ticketId}
                          </a>
                        ) : (
                          <span>#{r.ticketId}</span>
                        )}{' '}
                        <span className="subject">{r.subject}</span>
                        {badge && (
                          <span className={`origin-badge origin-${r.origin}`} data-testid="review-origin" title={ORIGIN_TITLE[r.origin]}>
                            {badge}
                          </span>
                        )}
                        {r.kind !== 'review' && <span className="origin-badge">{r.kind}</span>}
                      </td>
                      <td>{r.reviewee?.name ?? 'Unassigned'}</td>
                      <td>{r.reviewer.name}</td>
                      <td>
                        {rubricNames.get(`${r.rubric.id}/${r.rubric.version}`) ?? r.rubric.id} v{r.rubric.version}
                        {r.revision > 1 && <span className="muted"> · revision {r.revision}</span>}
                      </td>
                      <td className={`num ${r.autoFailed ? 'auto-failed' : ''}`} data-score={r.score ?? ''}>
                        {formatScore(r.score)}
                        {r.autoFailed && <span className="muted"> auto-fail</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="row pager">
            <button type="button" onClick={() => !read.isFetching && setPages((p) => p.slice(0, -1))} disabled={pages.length === 1}>
              ← Newer
            </button>
            <button type="button" data-testid="review-older" onClick={() => !read.isFetching && setPages((p) => [...p, shown.data.next])} disabled={!shown.data.next}>
              Older →
            </button>
          </div>
        </>
      )}
    </section>
  );
}
