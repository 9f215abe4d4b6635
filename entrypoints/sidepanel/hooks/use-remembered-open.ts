// Which of the panel's folding sections are open, remembered across panel opens. It is only how
// the page looks, so it lives in the extension page's localStorage, not in the reviews database.
import { useCallback, useState } from 'react';

const STORAGE_KEY = 'qa-scorecards:panel-sections';

export type PanelSection = 'facts' | 'transcript';

function readAll(): Partial<Record<PanelSection, boolean>> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Partial<Record<PanelSection, boolean>>) : {};
  } catch {
    // Storage switched off or a broken value: the sections simply open as by default.
    return {};
  }
}

export function useRememberedOpen(section: PanelSection, initial: boolean): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(() => {
    const stored = readAll()[section];
    return typeof stored === 'boolean' ? stored : initial;
  });
  const remember = useCallback(
    (next: boolean) => {
      setOpen(next);
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...readAll(), [section]: next }));
      } catch {
        // Not remembered this time; the section still opens and closes.
      }
    },
    [section],
  );
  return [open, remember];
}
