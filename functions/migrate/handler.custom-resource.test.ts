/**
 * The migrate function as CloudFormation invokes it for the DatabaseUsers custom resource: Create,
 * Update and Delete events naming the cluster (the Data API stand-in over MariaDB), the master
 * secret and the users' secrets (the Secrets Manager stand-in), answered by a PUT to the event's
 * ResponseURL (a local server here, a pre-signed S3 URL in AWS).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { CloudFormationCustomResourceEvent, CloudFormationCustomResourceResponse } from 'aws-lambda';
import mysql from 'mysql2/promise';
import { startDataApiServer, type DataApiServer } from '../../test/fakes/data-api/server.ts';
import { startResponseUrlServer, type ResponseUrlServer } from '../../test/support/response-url.ts';
import { createScratchDatabase, MARIADB_URL } from '../../test/support/mariadb.ts';
import { startSecretsManagerStub, type SecretsManagerStub } from '../../test/fakes/secrets-manager-stub.ts';
import { DATABASE_USERS } from '../../shared/db/users.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const RUN = `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const USERS = Object.keys(DATABASE_USERS);
const CLUSTER_ARN = 'arn:aws:rds:us-east-1:123456789012:cluster:loopback';
const MASTER_SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:master';
const secretArn = (name: string) => `arn:aws:secretsmanager:us-east-1:123456789012:secret:${RUN}-${name}`;
const usernameOf = (name: string) => `${RUN}_${name}`;
const passwords = new Map(USERS.map((name) => [name, `${name}Secret${RUN}42xyz`]));
const setSecret = (name: string, password = passwords.get(name)!) => {
  passwords.set(name, password);
  secrets.secrets.set(secretArn(name), JSON.stringify({ engine: 'mysql', username: usernameOf(name), password }));
};

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let database: string;
let dataApi: DataApiServer;
let secrets: SecretsManagerStub;
let handler: typeof import('./handler.ts').handler;

let responseUrl: ResponseUrlServer;
let responses: ResponseUrlServer['requests'];
let refusals: number[];
// The function's log lines, to check that no password reaches them.
const logged: string[] = [];

beforeAll(async () => {
  scratch = await createScratchDatabase();
  database = new URL(scratch.url).pathname.slice(1);
  dataApi = await startDataApiServer({ mysqlUrl: scratch.url });
  secrets = await startSecretsManagerStub();
  for (const name of USERS) setSecret(name);
  responseUrl = await startResponseUrlServer();
  ({ requests: responses, refusals } = responseUrl);
  // The cluster comes from the event alone: the function's own environment names none.
  Object.assign(process.env, { LOG_LEVEL: 'info', DATA_API_ENDPOINT: dataApi.endpoint, SECRETS_MANAGER_ENDPOINT: secrets.endpoint });
  for (const stream of ['log', 'error'] as const) jest.spyOn(console, stream).mockImplementation((line: unknown) => void logged.push(String(line)));
  ({ handler } = await import('./handler.ts'));
});

afterEach(() => {
  responses.length = 0;
  refusals.length = 0;
});

afterAll(async () => {
  jest.restoreAllMocks();
  const admin = await mysql.createConnection(MARIADB_URL);
  for (const name of USERS) await admin.query(`DROP USER IF EXISTS '${usernameOf(name)}'@'%'`);
  await admin.end();
  await responseUrl?.close();
  await dataApi?.close();
  await secrets?.close();
  await scratch?.drop();
});

const properties = (users: readonly string[] = USERS, extra: Record<string, unknown> = {}) => ({
  ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:text-service-dev-migrate',
  ServiceTimeout: '300',
  ClusterArn: CLUSTER_ARN,
  MasterSecretArn: MASTER_SECRET_ARN,
  Database: database,
  UserSecretArns: Object.fromEntries(users.map((name) => [name, secretArn(name)])),
  Revision: 'a'.repeat(64),
  ...extra,
});
const PHYSICAL_ID = () => `${CLUSTER_ARN}/${database}`;
const common = () => ({
  ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:text-service-dev-migrate',
  ResponseURL: responseUrl.url,
  StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/text-service-dev/0f0e',
  RequestId: `request-${Math.random().toString(36).slice(2)}`,
  LogicalResourceId: 'DatabaseUsers',
  ResourceType: 'Custom::DatabaseUsers',
});
const create = (props = properties()): CloudFormationCustomResourceEvent => ({ ...common(), RequestType: 'Create', ResourceProperties: props });
const update = (props = properties(), old = properties()): CloudFormationCustomResourceEvent => ({
  ...common(),
  RequestType: 'Update',
  PhysicalResourceId: PHYSICAL_ID(),
  ResourceProperties: props,
  OldResourceProperties: old,
});
const remove = (physicalId = PHYSICAL_ID()): CloudFormationCustomResourceEvent => ({ ...common(), RequestType: 'Delete', PhysicalResourceId: physicalId, ResourceProperties: properties() });

/** A Lambda context with this much time left. */
const context = (remainingMs = 120_000) => {
  const end = Date.now() + remainingMs;
  return { getRemainingTimeInMillis: () => end - Date.now(), logStreamName: '2026/12/07/[$LATEST]abc' } as Parameters<typeof handler>[1];
};

/** Invokes the handler with `event`; the one answer the response URL received, as sent. */
async function invoke(event: CloudFormationCustomResourceEvent, remainingMs?: number) {
  const returned = await handler(event, context(remainingMs));
  expect(responses).toHaveLength(1);
  const [{ method, headers, body }] = responses as [(typeof responses)[number]];
  expect(method).toBe('PUT');
  // The pre-signed URL is signed for no Content-Type: the answer must carry none.
  expect(headers['content-type'] ?? '').toBe('');
  expect(Number(headers['content-length'])).toBe(Buffer.byteLength(body));
  const sent = JSON.parse(body) as CloudFormationCustomResourceResponse & { Reason?: string };
  expect(returned).toEqual(sent);
  expect(sent).toMatchObject({ StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: 'DatabaseUsers' });
  return { sent, bytes: Buffer.byteLength(body) };
}

const signInAs = async (name: string, password = passwords.get(name)!) => {
  const url = new URL(scratch.url);
  Object.assign(url, { username: usernameOf(name), password });
  return mysql.createConnection(url.toString());
};
const canSignIn = (name: string, password?: string) =>
  signInAs(name, password).then(
    (connection) => connection.end().then(() => true),
    () => false,
  );

/** Per table, the privileges SHOW GRANTS lists for the user on the scratch database. */
async function grantsOf(name: string): Promise<Record<string, string[]>> {
  const admin = await mysql.createConnection(MARIADB_URL);
  try {
    const [rows] = await admin.query<mysql.RowDataPacket[]>(`SHOW GRANTS FOR '${usernameOf(name)}'@'%'`);
    const grants: Record<string, string[]> = {};
    for (const row of rows) {
      const match = /^GRANT (.+) ON `([^`]+)`\.`([^`]+)` TO /.exec(String(Object.values(row)[0]));
      if (match?.[2] === database) grants[match[3]!] = match[1]!.split(', ').sort();
    }
    return grants;
  } finally {
    await admin.end();
  }
}
const expectedGrants = (name: string) => Object.fromEntries(DATABASE_USERS[name]!.map(({ table, privileges }) => [table, [...privileges].sort()]));

async function tablesOf(): Promise<string[]> {
  const admin = await mysql.createConnection(scratch.url);
  try {
    const [rows] = await admin.query<mysql.RowDataPacket[]>('SHOW TABLES');
    return rows.map((row) => String(Object.values(row)[0])).sort();
  } finally {
    await admin.end();
  }
}

describe('Create', () => {
  it('migrates, creates each user the event names with its grants, and answers SUCCESS with the database as physical id', async () => {
    const firstThree = USERS.filter((name) => name !== 'translate');
    const { sent } = await invoke(create(properties(firstThree)));
    expect(sent).toEqual(expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: PHYSICAL_ID() }));
    expect(await tablesOf()).toEqual(expect.arrayContaining(['records', 'translation_cache']));
    for (const name of firstThree) {
      expect(await canSignIn(name)).toBe(true);
      expect(await grantsOf(name)).toEqual(expectedGrants(name));
    }
    expect(await canSignIn('translate')).toBe(false);
  });
});

describe('Update', () => {
  it('creates the user of a function added to the stack, and leaves the others working', async () => {
    const { sent } = await invoke(update(properties(), properties(USERS.filter((name) => name !== 'translate'))));
    expect(sent).toEqual(expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: PHYSICAL_ID() }));
    for (const name of USERS) {
      expect(await canSignIn(name)).toBe(true);
      expect(await grantsOf(name)).toEqual(expectedGrants(name));
    }
  });

  it('is idempotent, and sets the password a secret now holds', async () => {
    const old = passwords.get('home')!;
    setSecret('home', `Rotated${RUN}0123456789`);
    expect((await invoke(update())).sent.Status).toBe('SUCCESS');
    expect(await canSignIn('home')).toBe(true);
    expect(await canSignIn('home', old)).toBe(false);
    responses.length = 0;
    expect((await invoke(update())).sent.Status).toBe('SUCCESS');
  });

  it('answers FAILED with the reason and the log stream, keeping the physical id, when a secret has no password', async () => {
    secrets.secrets.set(secretArn('space'), JSON.stringify({ username: usernameOf('space') }));
    try {
      const { sent } = await invoke(update());
      expect(sent).toEqual(expect.objectContaining({ Status: 'FAILED', PhysicalResourceId: PHYSICAL_ID() }));
      expect(sent.Reason).toBe('Error: the secret of database user "space" has no username and password (log stream 2026/12/07/[$LATEST]abc)');
    } finally {
      setSecret('space');
    }
  });

  it('answers FAILED, changing no user and showing no password, when a password could not be inlined safely', async () => {
    const before = passwords.get('spell')!;
    const unsafe = `quote'${RUN}0123456789`;
    secrets.secrets.set(secretArn('spell'), JSON.stringify({ username: usernameOf('spell'), password: unsafe }));
    try {
      logged.length = 0;
      const { sent } = await invoke(update());
      expect(sent.Status).toBe('FAILED');
      expect(sent.Reason).toMatch(/^Error: database user "spell": password must be 16\+ printable ASCII/);
      expect(await canSignIn('spell', before)).toBe(true);
      expect(logged.join('\n')).toContain('custom resource failed');
      for (const password of [unsafe, ...passwords.values()]) expect(`${logged.join('\n')}${JSON.stringify(sent)}`).not.toContain(password);
    } finally {
      setSecret('spell', before);
    }
  });

  it('answers FAILED when a property is missing, and cuts a long reason to CloudFormation\'s 4,096-byte limit', async () => {
    const missing = await invoke(update(properties(USERS, { ClusterArn: undefined })));
    expect(missing.sent).toEqual(expect.objectContaining({ Status: 'FAILED', Reason: expect.stringMatching(/^Error: the DatabaseUsers resource needs ClusterArn/) }));
    responses.length = 0;
    // A user no function has: the reason repeats its (long) name.
    const stranger = `é${'x'.repeat(5_000)}`;
    secrets.secrets.set(secretArn(stranger), JSON.stringify({ username: 'stranger', password: 'A'.repeat(20) }));
    const long = await invoke(update(properties([...USERS, stranger])));
    expect(long.sent.Status).toBe('FAILED');
    expect(long.bytes).toBeLessThanOrEqual(4_096);
    expect(long.bytes).toBeGreaterThan(3_900);
    expect(long.sent.Reason).toMatch(/^Error: no database user "éxxx.* \[…\] \(log stream 2026\/12\/07\/\[\$LATEST\]abc\)$/);
  });
});

describe('Delete', () => {
  it('answers SUCCESS with the same physical id and touches nothing: users, tables and records stay', async () => {
    const spell = await signInAs('spell');
    await spell.query("INSERT INTO records (tag, operation, input_text, output_text, created_at) VALUES ('kept', 'spell', 'teh', 'the', NOW(3))");
    await spell.end();
    const calls = { ...dataApi.calls };
    const { sent } = await invoke(remove());
    expect(sent).toEqual(expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: PHYSICAL_ID() }));
    expect(dataApi.calls).toEqual(calls);
    for (const name of USERS) expect(await canSignIn(name)).toBe(true);
    const home = await signInAs('home');
    const [rows] = await home.query('SELECT tag FROM records');
    await home.end();
    expect(rows).toEqual([{ tag: 'kept' }]);
  });

  it('answers SUCCESS for the Delete of a Create that failed, which carries the logical id', async () => {
    const failed = await invoke(create(properties(USERS, { Database: '' })));
    expect(failed.sent).toEqual(expect.objectContaining({ Status: 'FAILED', PhysicalResourceId: 'DatabaseUsers' }));
    responses.length = 0;
    expect((await invoke(remove('DatabaseUsers'))).sent).toEqual(expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: 'DatabaseUsers' }));
  });
});

describe('the answer', () => {
  it('is sent again when the response URL fails, and the handler rejects only when every attempt failed', async () => {
    refusals.push(503);
    const returned = await handler(remove(), context());
    expect(responses.map((r) => JSON.parse(r.body).Status)).toEqual(['SUCCESS', 'SUCCESS']);
    expect(returned).toEqual(JSON.parse(responses[1]!.body));
    responses.length = 0;
    refusals.push(500, 500, 500);
    await expect(handler(remove(), context())).rejects.toThrow('could not send the SUCCESS answer to CloudFormation');
    expect(responses).toHaveLength(3);
  });

  it('is FAILED, before the function times out, when the database is too slow to finish in time', async () => {
    dataApi.slowDown(4_000);
    const began = Date.now();
    try {
      const { sent } = await invoke(update(), 12_000);
      expect(sent.Status).toBe('FAILED');
      // The work had 12 s less the 10 s kept for the answer.
      expect(Date.now() - began).toBeLessThan(4_000);
      // The work's timer, or the deadline ending the Data API call at the same instant.
      expect(sent.Reason).toMatch(/^Error: not done 10 s before the function's timeout|^\w+: the database is unavailable/);
    } finally {
      dataApi.slowDown(0);
      // The stand-in still holds the abandoned statement until its delay is over.
      await new Promise((resolve) => setTimeout(resolve, began + 4_100 - Date.now()));
    }
  });
});
