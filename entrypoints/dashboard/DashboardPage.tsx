// The dashboard page (contract §12). This first version holds the exports and the import of
// reviewers' files, over every submitted review; the filters and figures come next and hand
// their filter to the export panel.
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';

const filter = { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };

export function DashboardPage() {
  return (
    <main className="options-page" data-testid="dashboard">
      <h1>QA dashboard</h1>
      <ExportPanel filter={filter} />
      <ImportPanel />
    </main>
  );
}
