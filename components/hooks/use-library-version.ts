import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { libraryChangedSchema } from '@/lib/messaging/protocol';

/** Counts changes to the rubric library and settings, so readers of them can read again. */
export function useLibraryVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const onMessage = (message: unknown) => {
      if (libraryChangedSchema.safeParse(message).success) setVersion((v) => v + 1);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);
  return version;
}
