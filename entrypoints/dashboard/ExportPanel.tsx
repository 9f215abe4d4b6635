// A placeholder where the exports of the current filter go (contract §11: `redact-toggle`,
// `export-*`); the export feature replaces this file.
import type { DashboardQuery } from '@/lib/messaging/protocol/dashboard';

export function ExportPanel(_props: { filter: DashboardQuery }) {
  return <p className="muted">Exports of this view (CSV, JSON Lines, XLSX) come in a later release.</p>;
}
