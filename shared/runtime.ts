/** Per-container state: the configuration and the store, each made once per cold start. */
import { loadConfig } from './config.ts';
import { openStore } from './db/open-store.ts';
import type { RecordStore } from './db/record.ts';

export const config = loadConfig();

let store: Promise<RecordStore> | undefined;

export function getStore(): Promise<RecordStore> {
  // A failed open is not cached, so the next request tries again.
  store ??= openStore(config.store).catch((error: unknown) => {
    store = undefined;
    throw error;
  });
  return store;
}
