// The one read layer of every extension page: TanStack Query over the message protocol. Reads are
// keyed by message name and request; the library and settings stay cached until the background
// says they changed, so pages never count versions or drop superseded answers by hand.
import { QueryClient, QueryClientProvider, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { StrictMode, useEffect, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { onEvent, request } from '@/lib/messaging/client';
import type { MessageName, RequestOf, ResponseOf } from '@/lib/messaging/protocol';
import { answerStoragePersistRequests } from './storage-persist';

/** Reads that the `library:changed` broadcast makes stale. */
const LIBRARY_READS: ReadonlySet<MessageName> = new Set<MessageName>(['rubrics:list', 'rubrics:get', 'rubrics:library', 'settings:get', 'store:get', 'data:retention-status']);
/** Reads that the `store:changed` broadcast (the team-store queue moved) makes stale. */
const STORE_READS: ReadonlySet<MessageName> = new Set<MessageName>(['store:get', 'store:review-state']);
/**
 * Reads of stored reviews and of the samples they tick off: stale after `reviews:changed`, after
 * the other two as well (a pull runs with the store's sync; restore, purge and Delete all say
 * `library:changed`), and after a new sample (`sampling:changed`).
 */
const REVIEW_READS: ReadonlySet<MessageName> = new Set<MessageName>(['dashboard:summary', 'dashboard:reviews', 'sampling:queue', 'sampling:get']);

export function protocolKey<K extends MessageName>(name: K, data: RequestOf<K>): QueryKey {
  return [name, data];
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The background answers at once or not at all: retrying hides real errors, and a page
      // regaining focus has nothing new to read that a broadcast would not have said.
      queries: { retry: false, staleTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

/** A read of the protocol; `data: null` waits (e.g. until a ticket is loaded). */
export function useProtocolQuery<K extends MessageName>(name: K, data: RequestOf<K> | null) {
  return useQuery({
    queryKey: protocolKey(name, data as RequestOf<K>),
    queryFn: () => request(name, data as RequestOf<K>),
    enabled: data !== null,
  });
}

/**
 * A read that must be fresh each time its component mounts (a review being edited: a cached copy
 * would be an outdated base for the next save). `key` names what is read.
 */
export function useFreshRead<T>(key: readonly unknown[] | null, read: () => Promise<T>) {
  const [mount] = useState(() => crypto.randomUUID());
  return useQuery({ queryKey: ['fresh', mount, ...(key ?? [])], queryFn: read, enabled: key !== null, gcTime: 0 });
}

/** Stores a reply the page already has (after a change) as the cached answer of a read. */
export function useSetProtocolData() {
  const client = useQueryClient();
  return <K extends MessageName>(name: K, data: RequestOf<K>, value: ResponseOf<K>) => client.setQueryData(protocolKey(name, data), value);
}

function LibrarySync() {
  const client = useQueryClient();
  useEffect(() => {
    const stale = (reads: ReadonlySet<MessageName>) => () => void client.invalidateQueries({ predicate: (q) => reads.has(q.queryKey[0] as MessageName) });
    const offLibrary = onEvent('library:changed', stale(LIBRARY_READS));
    const offStore = onEvent('store:changed', stale(STORE_READS));
    const offReviews = ['reviews:changed', 'library:changed', 'store:changed', 'sampling:changed'].map((name) => onEvent(name as 'reviews:changed', stale(REVIEW_READS)));
    return () => {
      offLibrary();
      offStore();
      offReviews.forEach((off) => off());
    };
  }, [client]);
  return null;
}

/** Renders an extension page with what every page shares. */
export function renderPage(page: ReactNode, client: QueryClient = createQueryClient()): void {
  answerStoragePersistRequests();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={client}>
        <LibrarySync />
        {page}
      </QueryClientProvider>
    </StrictMode>,
  );
}
