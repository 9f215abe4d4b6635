// The team-store test harness: a throwaway PostgreSQL, the reference receiver, a fault proxy in
// front of it. startTeamStore() wires the three together; the parts are exported for other setups.
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { startPostgres, type TestPostgres } from './postgres';
import { DEFAULT_TOKEN, startReceiverProcess, type ReceiverProcess } from './receiver';

export * from './fault-proxy';
export * from './postgres';
export * from './receiver';

export interface TeamStore {
  postgres: TestPostgres;
  /** the receiver's own database (one per startTeamStore) */
  databaseUrl: string;
  receiver: ReceiverProcess;
  proxy: FaultProxy;
  /** the URL clients use: the proxy's, with the receiver's path */
  endpoint: string;
  /** the Authorization header value the receiver requires */
  token: string;
  stop(): Promise<void>;
}

export interface TeamStoreOptions {
  token?: string;
  maxBodyBytes?: number;
  origins?: string[];
  /** reuse a running cluster (a new database is created in it); else one is started and stopped */
  postgres?: TestPostgres;
}

/** PostgreSQL (own or given) + the receiver as a child process + the fault proxy before it. */
export async function startTeamStore(options: TeamStoreOptions = {}): Promise<TeamStore> {
  const ownPostgres = !options.postgres;
  const postgres = options.postgres ?? (await startPostgres());
  const cleanups: Array<() => Promise<void>> = ownPostgres ? [() => postgres.stop()] : [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  try {
    const databaseUrl = await postgres.createDatabase();
    const token = options.token ?? DEFAULT_TOKEN;
    const receiver = await startReceiverProcess({ databaseUrl, token, maxBodyBytes: options.maxBodyBytes, origins: options.origins });
    cleanups.push(() => receiver.stop());
    const proxy = await startFaultProxy({ receiver });
    cleanups.push(() => proxy.close());
    return { postgres, databaseUrl, receiver, proxy, endpoint: proxy.endpoint, token, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
