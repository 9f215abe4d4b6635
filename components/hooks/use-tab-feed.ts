import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * A value the background holds per tab: asked for once, then kept current by its broadcasts.
 * The listener is added before asking, and a broadcast that arrives first wins over the answer,
 * so no change between the two is lost.
 */
export function useTabFeed<T>(
  tabId: number | null,
  initial: T,
  ask: (tabId: number) => Promise<T>,
  fromBroadcast: (message: unknown, tabId: number) => T | undefined,
  onError: (err: Error) => T | undefined = () => undefined,
): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    if (tabId === null) return;
    let cancelled = false;
    let heard = false;
    setValue(initial);
    const onMessage = (message: unknown) => {
      const next = fromBroadcast(message, tabId);
      if (next !== undefined) {
        heard = true;
        setValue(next);
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ask(tabId).then(
      (answer) => !cancelled && !heard && setValue(answer),
      (err: Error) => {
        const fallback = onError(err);
        if (!cancelled && fallback !== undefined) setValue(fallback);
      },
    );
    return () => {
      cancelled = true;
      browser.runtime.onMessage.removeListener(onMessage);
    };
    // `initial`, `ask` and the mappers describe the feed; only the tab changes what is fed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tabId]);
  return [value, setValue];
}
