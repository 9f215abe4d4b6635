import type { ReactNode } from 'react';

/** Empty, loading and error states share one calm layout so the panel never looks broken. */
export function StatusView(props: { testId?: string; tone?: 'info' | 'error' | 'busy'; title: string; children?: ReactNode }) {
  return (
    <section className={`status-view status-${props.tone ?? 'info'}`} data-testid={props.testId} role={props.tone === 'error' ? 'alert' : 'status'}>
      {props.tone === 'busy' && <span className="spinner" aria-hidden="true" />}
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}
