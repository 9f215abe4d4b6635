// Whether the browser keeps the reviews under disk pressure.
import type { BackgroundDeps, HandlerSlice } from './deps';

export function storageHandlers(deps: BackgroundDeps): HandlerSlice<'storage:status'> {
  return {
    'storage:status': async () => ({ persisted: deps.storagePersisted ? await deps.storagePersisted() : null }),
  };
}
