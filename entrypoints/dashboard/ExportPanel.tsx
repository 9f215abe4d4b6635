// A placeholder where the exports of the current filter go (contract §11: `redact-toggle`,
// `export-*`); the export feature replaces this file. The filter has the shape of that feature's
// `ReviewFilterInput` (lib/analytics/filter.ts there): lists of ids, a rubric id in any version.
export interface ExportFilter {
  timeZone: string;
  from: string | null;
  to: string | null;
  agentIds: string[];
  reviewerIds: string[];
  rubricIds: string[];
  channels: string[];
  kinds: string[];
}

export function ExportPanel(_props: { filter: ExportFilter }) {
  return <p className="muted">Exports of this view (CSV, JSON Lines, XLSX) come in a later release.</p>;
}
