import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppError } from '../errors.ts';
import { createDataApiExecutor } from './executors/data-api.ts';
import { startDataApiServer, type DataApiServer } from '../../test/fakes/data-api/server.ts';
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

describe('the Data API backend', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let server: DataApiServer;
  const executor = (budgetMs: number) =>
    createDataApiExecutor({
      clusterArn: 'arn:aws:rds:us-east-1:123456789012:cluster:test',
      secretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:test',
      database: new URL(scratch.url).pathname.slice(1),
      endpoint: server.endpoint,
      region: 'us-east-1',
      retry: { budgetMs, baseDelayMs: 5, maxDelayMs: 20 },
    });

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    server = await startDataApiServer({ mysqlUrl: scratch.url });
  });
  afterAll(async () => {
    await server.close();
    await scratch.drop();
  });

  describeStoreContract('the Data API (real SDK, loopback server over MariaDB)', async () => ({
    store: createSqlStore(executor(2_000)),
    cleanup: async () => {},
  }));

  it('retries while Aurora resumes, then stores the record once', async () => {
    const store = createSqlStore(executor(2_000));
    await store.migrate();
    const before = server.calls.ExecuteStatement ?? 0;
    server.failNext(3, 'DatabaseResumingException');
    const saved = await store.save({ id: 'resume', operation: 'space', input: 'a', output: 'a', sourceLanguage: null });
    expect(server.calls.ExecuteStatement! - before).toBe(4);
    expect((await store.list({ limit: 5, id: 'resume' })).records.map((r) => r.seq)).toEqual([saved.seq]);
    expect(await store.get(saved.seq)).toEqual(saved);
    await store.close();
  });

  it('gives up with 503 DATABASE_UNAVAILABLE and Retry-After when the budget runs out', async () => {
    const store = createSqlStore(executor(50));
    server.failNext(1000, 'DatabaseResumingException');
    const error = await store.save({ id: 'gone', operation: 'space', input: 'a', output: 'a', sourceLanguage: null }).catch((e: unknown) => e);
    server.clearFailures();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DATABASE_UNAVAILABLE');
    expect((error as AppError).headers['Retry-After']).toMatch(/^\d+$/);
    await store.close();
  });
});

it('answers 503 DATABASE_UNAVAILABLE when the Data API endpoint cannot be reached', async () => {
  const store = createSqlStore(
    createDataApiExecutor({
      clusterArn: 'arn:aws:rds:us-east-1:123456789012:cluster:test',
      secretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:test',
      database: 'test',
      endpoint: 'http://127.0.0.1:9', // discard port: nothing listens
      region: 'us-east-1',
      retry: { budgetMs: 100, baseDelayMs: 5, maxDelayMs: 20 },
    }),
  );
  await expect(store.list({ limit: 1 })).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
  await store.close();
});

it('answers 503 DATABASE_UNAVAILABLE when MariaDB cannot be reached', async () => {
  const store = createSqlStore(createMysqlExecutor('mysql://root@127.0.0.1:9/test', { budgetMs: 100, baseDelayMs: 5, maxDelayMs: 20 }));
  await expect(store.list({ limit: 1 })).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
  await store.close();
});
