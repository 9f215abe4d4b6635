import { useEffect, useState } from 'react';

/** Runs an async read when its key changes; the result of a superseded read is dropped. */
export function useAsync<T>(key: string | null, read: () => Promise<T>): { data: T | undefined; error: Error | null; loading: boolean } {
  const [result, setResult] = useState<{ key: string | null; data?: T; error: Error | null }>({ key: null, error: null });
  useEffect(() => {
    if (key === null) return;
    let current = true;
    read().then(
      (data) => current && setResult({ key, data, error: null }),
      (error: Error) => current && setResult({ key, error }),
    );
    return () => {
      current = false;
    };
    // `read` is recreated every render; the key says when it means something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const fresh = result.key === key;
  return { data: fresh ? result.data : undefined, error: fresh ? result.error : null, loading: key !== null && !fresh };
}
