// Display formatting shared by the panel and pages. Intl does the locale work.

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

export function formatScore(score: number | null): string {
  if (score === null) return '—';
  return `${Math.round(score * 10) / 10}%`;
}

/** Time left before a retry: "42 s", "4 min 5 s", then "now". */
export function formatCountdown(msLeft: number): string {
  const seconds = Math.ceil(msLeft / 1000);
  if (seconds <= 0) return 'now';
  if (seconds < 60) return `${seconds} s`;
  const rest = seconds % 60;
  return `${Math.floor(seconds / 60)} min${rest ? ` ${rest} s` : ''}`;
}

export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${Math.floor(hours)} h ${Math.round(minutes % 60)} min`;
  return `${Math.round(hours / 24)} days`;
}

const METRIC_LABELS: Record<string, string> = {
  firstReplyMinutes: 'First reply',
  firstResolutionMinutes: 'First resolution',
  fullResolutionMinutes: 'Full resolution',
  resolutionMinutes: 'Resolution',
  agentWaitMinutes: 'Agent wait',
  requesterWaitMinutes: 'Requester wait',
  replies: 'Replies',
  reopens: 'Reopens',
  csat: 'CSAT',
};

export function formatMetric(key: string, value: number | null): { label: string; value: string } {
  const label = METRIC_LABELS[key] ?? key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
  if (value === null) return { label, value: '—' };
  if (key === 'csat') return { label, value: value >= 1 ? 'Good' : value <= 0 ? 'Bad' : String(value) };
  if (/Minutes$/.test(key)) return { label, value: formatMinutes(value) };
  return { label, value: String(value) };
}

export const CHANNEL_LABELS: Record<string, string> = {
  email: 'Email',
  chat: 'Chat',
  messaging: 'Messaging',
  phone: 'Phone',
  web: 'Web form',
  social: 'Social',
  other: 'Other',
};

/** "1 review", "2 reviews", "1,250 reviews": a count with the word that fits it. */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
