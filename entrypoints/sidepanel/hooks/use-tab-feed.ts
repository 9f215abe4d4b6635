import { useEffect, useState } from 'react';

/**
 * A value the background holds per tab: asked for once, then kept current by its broadcasts.
 * The listener is added before asking, and a broadcast that arrives first wins over the answer,
 * so no change between the two is lost.
 */
export function useTabFeed<T>(
  tabId: number | null,
  initial: T,
  ask: (tabId: number) => Promise<T>,
  subscribe: (tabId: number, next: (value: T) => void) => () => void,
  onError: (err: Error) => T | undefined = () => undefined,
): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    if (tabId === null) return;
    let cancelled = false;
    let heard = false;
    setValue(initial);
    const unsubscribe = subscribe(tabId, (next) => {
      heard = true;
      setValue(next);
    });
    ask(tabId).then(
      (answer) => !cancelled && !heard && setValue(answer),
      (err: Error) => {
        const fallback = onError(err);
        if (!cancelled && fallback !== undefined) setValue(fallback);
      },
    );
    return () => {
      cancelled = true;
      unsubscribe();
    };
    // `initial`, `ask` and the mappers describe the feed; only the tab changes what is fed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tabId]);
  return [value, setValue];
}
