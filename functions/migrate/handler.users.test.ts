/**
 * The migrate function as deployed: Data API (the loopback server over MariaDB) signed in with the
 * master secret, the users' credentials from Secrets Manager (the loopback stand-in). Afterwards
 * each user signs in with its secret's password and the read-only one cannot insert.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import mysql from 'mysql2/promise';
import { startDataApiServer, type DataApiServer } from '../../test/fakes/data-api/server.ts';
import { createScratchDatabase, MARIADB_URL } from '../../test/support/mariadb.ts';
import { startSecretsManagerStub, type SecretsManagerStub } from '../../test/fakes/secrets-manager-stub.ts';
import { createDataApiExecutor } from '../../shared/db/executors/data-api.ts';
import { createSqlStore } from '../../shared/db/sql-store.ts';
import { DATABASE_USERS } from '../../shared/db/users.ts';
import { MIGRATIONS } from '../../shared/db/sql.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const RUN = `m${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const secretArn = (name: string) => `arn:aws:secretsmanager:us-east-1:123456789012:secret:${RUN}-${name}`;
const credentials = (name: string) => ({ username: `${RUN}_${name}`, password: `${name}Secret${RUN}42xyz` });

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let dataApi: DataApiServer;
let secrets: SecretsManagerStub;
let handler: typeof import('./handler.ts').handler;

beforeAll(async () => {
  scratch = await createScratchDatabase();
  // Like the real Data API, the server signs each user's secret in as that user (the master secret as root).
  const users = Object.fromEntries(Object.keys(DATABASE_USERS).map((name) => [secretArn(name), credentials(name)]));
  dataApi = await startDataApiServer({ mysqlUrl: scratch.url, credentials: users });
  secrets = await startSecretsManagerStub();
  for (const name of Object.keys(DATABASE_USERS)) secrets.secrets.set(secretArn(name), JSON.stringify({ engine: 'mysql', ...credentials(name) }));
  Object.assign(process.env, {
    DB_CLUSTER_ARN: 'arn:aws:rds:us-east-1:123456789012:cluster:loopback',
    DB_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:master',
    DB_NAME: new URL(scratch.url).pathname.slice(1),
    DATA_API_ENDPOINT: dataApi.endpoint,
    SECRETS_MANAGER_ENDPOINT: secrets.endpoint,
    DB_USER_SECRET_ARNS: JSON.stringify(Object.fromEntries(Object.keys(DATABASE_USERS).map((name) => [name, secretArn(name)]))),
  });
  ({ handler } = await import('./handler.ts'));
});

afterAll(async () => {
  const admin = await mysql.createConnection(MARIADB_URL);
  for (const name of Object.keys(DATABASE_USERS)) await admin.query(`DROP USER IF EXISTS '${credentials(name).username}'@'%'`);
  await admin.end();
  await dataApi?.close();
  await secrets?.close();
  await scratch?.drop();
});

const signInAs = (name: string) => {
  const url = new URL(scratch.url);
  Object.assign(url, credentials(name));
  return mysql.createConnection(url.toString());
};

it('migrates, then creates every user from its secret; a second run changes nothing and fails nothing', async () => {
  const users = Object.keys(DATABASE_USERS).map((name) => credentials(name).username);
  expect(await handler()).toEqual({ applied: MIGRATIONS.map((m) => m.version), users });
  expect(await handler()).toEqual({ applied: [], users });
  expect(secrets.requests.sort()).toEqual([...Object.keys(DATABASE_USERS), ...Object.keys(DATABASE_USERS)].map(secretArn).sort());
});

it('leaves the home user read-only: it lists records and cannot insert one', async () => {
  const spell = await signInAs('spell');
  await spell.query("INSERT INTO records (tag, operation, input_text, output_text, created_at) VALUES ('m', 'spell', 'teh', 'the', NOW(3))");
  await spell.end();
  const home = await signInAs('home');
  try {
    const [rows] = await home.query('SELECT tag FROM records');
    expect(rows).toEqual([{ tag: 'm' }]);
    await expect(home.query("INSERT INTO records (tag, operation, input_text, output_text, created_at) VALUES ('x', 'spell', 'a', 'a', NOW(3))")).rejects.toMatchObject({
      code: 'ER_TABLEACCESS_DENIED_ERROR',
    });
  } finally {
    await home.end();
  }
});

it('through the Data API, the home function\'s store (its own secret) lists records and cannot save one', async () => {
  const home = createSqlStore(
    createDataApiExecutor({
      clusterArn: process.env.DB_CLUSTER_ARN!,
      secretArn: secretArn('home'),
      database: process.env.DB_NAME!,
      endpoint: dataApi.endpoint,
      region: 'us-east-1',
      retry: { budgetMs: 0 },
    }),
  );
  try {
    expect((await home.list({ limit: 5 })).records.map((r) => r.id)).toEqual(['m']);
    await expect(home.save({ id: 'x', operation: 'spell', input: 'a', output: 'a', sourceLanguage: null })).rejects.toMatchObject({
      name: 'BadRequestException',
      message: expect.stringMatching(/INSERT command denied/),
    });
  } finally {
    await home.close();
  }
});

it('fails, creating no user, when a secret lacks a password', async () => {
  secrets.secrets.set(secretArn('space'), JSON.stringify({ username: 'nopassword' }));
  await expect(handler()).rejects.toThrow(/database user "space" has no username and password/);
});
