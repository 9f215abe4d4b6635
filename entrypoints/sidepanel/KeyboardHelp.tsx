// The `?` overlay: the scorecard's keys. A modal <dialog> keeps focus inside and closes on Escape;
// the opener gets focus back (see Scorecard).
import { useEffect, useRef } from 'react';
import { KEY_HELP } from './scorecard-keys';

export function KeyboardHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="keyboard-help" data-testid="keyboard-help" aria-labelledby="keyboard-help-title" onClose={onClose}>
      <h2 id="keyboard-help-title">Keyboard</h2>
      <table>
        <tbody>
          {KEY_HELP.map((row) => (
            <tr key={row.does}>
              <th scope="row">
                {row.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' '}
                    {k === '…' ? '…' : <kbd>{k}</kbd>}
                  </span>
                ))}
              </th>
              <td>{row.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">While you type in a text box keys type; Ctrl+Enter still submits, and Esc leaves a comment box.</p>
      {/* Closing natively fires `close`, the one place that hands focus back. */}
      <button type="button" autoFocus onClick={() => ref.current?.close()}>
        Close
      </button>
    </dialog>
  );
}
