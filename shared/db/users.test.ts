/** The functions' database users on MariaDB: each can run its own function's statements and nothing more. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mysql from 'mysql2/promise';
import type { SqlExecutor } from './executor.ts';
import { createMysqlExecutor } from './executors/mysql.ts';
import type { RecordStore } from './record.ts';
import { createSqlStore } from './sql-store.ts';
import { createDatabaseUsers, DATABASE_USERS, databaseUserStatements, type DatabaseUser } from './users.ts';
import { createScratchDatabase, MARIADB_URL } from '../../test/support/mariadb.ts';

// Accounts are server-wide, so each run uses its own names and drops them afterwards.
const RUN = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const userFor = (name: string, password = `Pw${name}${RUN}0123456789`): DatabaseUser => ({ name, username: `${RUN}_${name}`, password });
const USERS = Object.keys(DATABASE_USERS).map((name) => userFor(name));
const KEY = { provider: 'google', source: 'es', target: 'en', textHash: 'a'.repeat(64) };
const RECORD = { id: 'u-1', operation: 'spell' as const, input: 'teh', output: 'the', sourceLanguage: null };

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
const opened: RecordStore[] = [];

/** The store signed in as `user`, as the function would be. */
function storeAs({ username, password }: DatabaseUser): RecordStore {
  const url = new URL(scratch.url);
  url.username = username;
  url.password = password;
  const store = createSqlStore(createMysqlExecutor(url.toString(), { budgetMs: 0 }));
  opened.push(store);
  return store;
}

const deniedCode = (promise: Promise<unknown>) => promise.then(() => 'allowed', (error: { code?: string }) => error.code);

beforeAll(async () => {
  scratch = await createScratchDatabase();
  const master = createSqlStore(createMysqlExecutor(scratch.url));
  await master.migrate();
  await master.close();
  const executor = createMysqlExecutor(scratch.url);
  await createDatabaseUsers(executor, USERS);
  await executor.close();
});

afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
  const admin = await mysql.createConnection(MARIADB_URL);
  for (const { username } of USERS) await admin.query(`DROP USER IF EXISTS '${username}'@'%'`);
  await admin.end();
  await scratch.drop();
});

describe('database users', () => {
  it('home reads records and cannot insert, update or delete them', async () => {
    const home = storeAs(USERS.find((u) => u.name === 'home')!);
    expect((await home.list({ limit: 5 })).records).toEqual([]);
    expect(await deniedCode(home.save(RECORD))).toBe('ER_TABLEACCESS_DENIED_ERROR');
    expect(await deniedCode(home.findTranslation(KEY))).toBe('ER_TABLEACCESS_DENIED_ERROR');
  });

  it.each(['spell', 'space'])('%s inserts records and can neither read them nor touch the cache', async (name) => {
    const store = storeAs(USERS.find((u) => u.name === name)!);
    expect((await store.save({ ...RECORD, operation: name as 'spell' | 'space' })).seq).toBeGreaterThan(0);
    expect(await deniedCode(store.list({ limit: 5 }))).toBe('ER_TABLEACCESS_DENIED_ERROR');
    expect(await deniedCode(store.saveTranslation(KEY, { text: 'x', sourceLanguage: 'es' }))).toBe('ER_TABLEACCESS_DENIED_ERROR');
  });

  it('translate inserts records and reads and upserts the cache, and cannot read records or migrate', async () => {
    const translate = storeAs(USERS.find((u) => u.name === 'translate')!);
    expect((await translate.save({ ...RECORD, operation: 'translate' })).seq).toBeGreaterThan(0);
    await translate.saveTranslation(KEY, { text: 'hello', sourceLanguage: 'es' });
    await translate.saveTranslation(KEY, { text: 'hello again', sourceLanguage: 'es' }); // the UPDATE branch
    expect(await translate.findTranslation(KEY)).toEqual({ text: 'hello again', sourceLanguage: 'es' });
    expect(await deniedCode(translate.list({ limit: 5 }))).toBe('ER_TABLEACCESS_DENIED_ERROR');
    expect(await deniedCode(translate.migrate())).not.toBe('allowed');
  });

  it('is idempotent, and a second run sets the password the secret now holds', async () => {
    const rotated = userFor('home', `Rotated${RUN}0123456789`);
    const executor = createMysqlExecutor(scratch.url);
    await createDatabaseUsers(executor, USERS);
    await createDatabaseUsers(executor, [rotated]);
    await executor.close();
    expect((await storeAs(rotated).list({ limit: 1 })).records).toHaveLength(1);
    expect(await deniedCode(storeAs(USERS.find((u) => u.name === 'home')!).list({ limit: 1 }))).toBe('ER_ACCESS_DENIED_ERROR');
  });
});

describe('a failed statement', () => {
  it('names the user and the statement, and holds its password nowhere, though the database quoted it', async () => {
    const user = userFor('home');
    const quoting: SqlExecutor = {
      dialect: 'mysql',
      async execute(sql) {
        if (sql.startsWith('SELECT DATABASE()')) return { rows: [{ name: 'text_service' }], affectedRows: 0 };
        // As mysql2 reports a syntax error: the message quotes the statement, and `sql` holds it whole.
        throw Object.assign(new Error(`You have an error in your SQL syntax near '${sql.slice(20)}'`), { code: 'ER_PARSE_ERROR', sql });
      },
      close: async () => {},
    };
    const error = await createDatabaseUsers(quoting, [user]).then(() => undefined, (e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toMatch(/^database user "home": CREATE USER failed: You have an error in your SQL syntax near '.*IDENTIFIED BY '\[REDACTED\]''$/);
    expect(error).toMatchObject({ code: 'ER_PARSE_ERROR' });
    const everything = JSON.stringify(Object.getOwnPropertyNames(error).map((key) => String((error as unknown as Record<string, unknown>)[key])));
    expect(everything).not.toContain(user.password);
  });
});

describe('databaseUserStatements', () => {
  it('grants per table on the named database only', () => {
    expect(databaseUserStatements('text_service', userFor('translate', 'A'.repeat(32)))).toEqual([
      `CREATE USER IF NOT EXISTS '${RUN}_translate'@'%' IDENTIFIED BY '${'A'.repeat(32)}'`,
      `ALTER USER '${RUN}_translate'@'%' IDENTIFIED BY '${'A'.repeat(32)}'`,
      `GRANT INSERT ON \`text_service\`.\`records\` TO '${RUN}_translate'@'%'`,
      `GRANT SELECT, INSERT, UPDATE ON \`text_service\`.\`translation_cache\` TO '${RUN}_translate'@'%'`,
    ]);
  });

  it.each([
    [{ name: 'admin', username: 'x', password: 'A'.repeat(20) }, /no database user "admin"/],
    [{ name: 'home', username: "x'@'%", password: 'A'.repeat(20) }, /username must be/],
    [{ name: 'home', username: 'x', password: `${'A'.repeat(20)}'; DROP TABLE records; --` }, /password must be/],
    [{ name: 'home', username: 'x', password: 'short' }, /password must be/],
  ])('refuses %j before running anything', (user, message) => {
    expect(() => databaseUserStatements('text_service', user)).toThrow(message);
  });
});
