import { useEffect, useState } from 'react';
import { onEvent } from '@/lib/messaging/client';

/** Counts changes to the rubric library and settings, so readers of them can read again. */
export function useLibraryVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    return onEvent('library:changed', () => setVersion((v) => v + 1));
  }, []);
  return version;
}
