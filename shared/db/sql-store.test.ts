import { createSqlStore } from './sql-store.ts';
import { createSqliteExecutor } from './executors/sqlite.ts';
import { createMysqlExecutor } from './executors/mysql.ts';
import { describeStoreContract } from '../../test/support/store-contract.ts';
import { createScratchDatabase } from '../../test/support/mariadb.ts';

describeStoreContract('SQLite', async () => ({
  store: createSqlStore(createSqliteExecutor(':memory:')),
  cleanup: async () => {},
}));

describeStoreContract('MariaDB via mysql2', async () => {
  const scratch = await createScratchDatabase();
  return { store: createSqlStore(createMysqlExecutor(scratch.url)), cleanup: scratch.drop };
});
