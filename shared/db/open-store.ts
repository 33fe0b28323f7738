import type { StoreConfig } from '../config.ts';
import type { RecordStore } from './record.ts';
import { createSqlStore } from './sql-store.ts';
import { createDataApiExecutor } from './executors/data-api.ts';

/**
 * Picks the backend. Lambda bundles are built with LOCAL_BACKENDS=false, which lets esbuild drop the
 * SQLite and MySQL branches, so a deployed function carries only the Data API client.
 */
export async function openStore(config: StoreConfig): Promise<RecordStore> {
  if (config.kind === 'data-api') {
    const { retryBudgetMs, ...rest } = config;
    return createSqlStore(createDataApiExecutor({ ...rest, retry: { budgetMs: retryBudgetMs } }));
  }
  if (process.env.LOCAL_BACKENDS !== 'false') {
    if (config.kind === 'sqlite') {
      const { createSqliteExecutor } = await import('./executors/sqlite.ts');
      return createSqlStore(createSqliteExecutor(config.path));
    }
    const { createMysqlExecutor } = await import('./executors/mysql.ts');
    return createSqlStore(createMysqlExecutor(config.url));
  }
  throw new Error(`this build has only the Data API backend; ${config.kind} is not available (set DB_CLUSTER_ARN)`);
}
