import type { StoreConfig } from '../config.ts';
import type { SqlExecutor } from './executor.ts';
import type { RecordStore } from './record.ts';
import { createSqlStore } from './sql-store.ts';
import { createDataApiExecutor } from './executors/data-api.ts';

/**
 * Picks the backend. Lambda bundles are built with LOCAL_BACKENDS=false, which lets esbuild drop the
 * SQLite and MySQL branches, so a deployed function carries only the Data API client. It is replaced
 * here, in the expression esbuild folds, rather than read in config.ts: a constant imported from
 * another module would keep the drivers in the bundle.
 */
export async function openStore(config: StoreConfig): Promise<RecordStore> {
  return createSqlStore(await openExecutor(config));
}

/** The executor behind openStore, for statements outside the store (migrate's database users). */
export async function openExecutor(config: StoreConfig): Promise<SqlExecutor> {
  if (config.kind === 'data-api') {
    return createDataApiExecutor(config);
  }
  if (process.env.LOCAL_BACKENDS !== 'false') {
    if (config.kind === 'sqlite') {
      const { createSqliteExecutor } = await import('./executors/sqlite.ts');
      return createSqliteExecutor(config.path);
    }
    const { createMysqlExecutor } = await import('./executors/mysql.ts');
    return createMysqlExecutor(config.url);
  }
  throw new Error(`this build has only the Data API backend; ${config.kind} is not available (set DB_CLUSTER_ARN)`);
}
