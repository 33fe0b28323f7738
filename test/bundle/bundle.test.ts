/**
 * The deployable artefacts: `serverless package` output, unzipped into a folder with no
 * node_modules and run by plain Node, against the Data API test server. This catches what the
 * offline server, which resolves packages from the project, cannot: missing files, ESM/CJS traps,
 * drivers that should not be in a bundle.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ALBEvent, ALBResult, CloudFormationCustomResourceCreateEvent } from 'aws-lambda';
import mysql from 'mysql2/promise';
import { createSqlStore } from '../../shared/db/sql-store.ts';
import { createDataApiExecutor } from '../../shared/db/executors/data-api.ts';
import { startDataApiServer, type DataApiServer } from '../fakes/data-api/server.ts';
import { startGoogleTranslateStub, type GoogleTranslateStub } from '../fakes/google-translate-stub.ts';
import { createScratchDatabase, MARIADB_URL } from '../support/mariadb.ts';
import { startResponseUrlServer } from '../support/response-url.ts';
import { startSecretsManagerStub } from '../fakes/secrets-manager-stub.ts';
import { albEvent, jsonPostEvent } from '../support/alb.ts';
import { ROUTE_NAMES } from '../support/service.ts';

const FUNCTIONS = ROUTE_NAMES;
const ARNS = {
  DB_CLUSTER_ARN: 'arn:aws:rds:us-east-1:123456789012:cluster:bundle-test',
  DB_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:bundle-test',
};

let work: string;
let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let dataApi: DataApiServer;
let google: GoogleTranslateStub;
let database: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'text-service-bundle-'));
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS;
  // A deployed stage needs a certificate for its HTTPS listener, or packaging stops.
  const certificate = '--param=certificateArn=arn:aws:acm:us-east-1:123456789012:certificate/bundle-test';
  execFileSync('npx', ['serverless', 'package', '--stage', 'dev', '--package', join(work, 'package'), certificate], { env, stdio: 'pipe' });
  for (const name of [...FUNCTIONS, 'migrate']) {
    execFileSync('unzip', ['-q', join(work, 'package', `${name}.zip`), '-d', join(work, name)]);
  }
  copyFileSync(join(import.meta.dirname, 'invoke-bundle.mjs'), join(work, 'invoke-bundle.mjs'));

  scratch = await createScratchDatabase();
  database = new URL(scratch.url).pathname.slice(1);
  dataApi = await startDataApiServer({ mysqlUrl: scratch.url });
  google = await startGoogleTranslateStub();
  const store = createSqlStore(
    createDataApiExecutor({ clusterArn: ARNS.DB_CLUSTER_ARN, secretArn: ARNS.DB_SECRET_ARN, database, endpoint: dataApi.endpoint, region: 'us-east-1' }),
  );
  await store.migrate();
  await store.close();
}, 180_000);

afterAll(async () => {
  await dataApi?.close();
  await google?.close();
  await scratch?.drop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * Invokes a packaged handler in its own plain Node process, configured as in AWS. Asynchronous:
 * the Data API server it calls runs in this process.
 */
async function invoke<Result = ALBResult>(name: (typeof FUNCTIONS)[number] | 'migrate', event: ALBEvent | CloudFormationCustomResourceCreateEvent, extraEnv: Record<string, string> = {}): Promise<Result> {
  const env: Record<string, string> = {
    PATH: process.env.PATH!,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    DB_CLUSTER_ARN: ARNS.DB_CLUSTER_ARN,
    DB_SECRET_ARN: ARNS.DB_SECRET_ARN,
    DB_NAME: database,
    DATA_API_ENDPOINT: dataApi.endpoint,
    LOG_LEVEL: 'silent',
    ...extraEnv,
  };
  const handler = join(work, name, 'functions', name, 'handler.mjs');
  const { stdout } = await promisify(execFile)(process.execPath, [join(work, 'invoke-bundle.mjs'), handler, JSON.stringify(event)], { cwd: work, env });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

describe('the packaged functions', () => {
  it('contain only their handler bundle, without local database drivers, under 5 MB each', () => {
    for (const name of FUNCTIONS) {
      expect(existsSync(join(work, name, 'node_modules'))).toBe(false);
      const bundle = readFileSync(join(work, name, 'functions', name, 'handler.mjs'), 'utf8');
      expect(bundle).not.toMatch(/better-sqlite3|mysql2/);
      expect(statSync(join(work, 'package', `${name}.zip`)).size).toBeLessThan(5 * 1024 * 1024);
    }
  });

  it('ship the built data files beside the bundles that read them, not inlined and not in other zips', () => {
    const files = (name: string) => execFileSync('unzip', ['-Z1', join(work, 'package', `${name}.zip`)], { encoding: 'utf8' }).trim().split('\n').sort();
    const data = (name: string) => files(name).filter((file) => !/handler\.mjs(\.map)?$/.test(file));
    expect(data('spell')).toEqual(['candidates.txt', 'confusion-sets.txt', 'dictionary.aff', 'dictionary.dic', 'eld-small.json', 'jargon.txt', 'variants.txt', 'word-pairs.txt', 'wordnet.txt', 'words.txt'].map((file) => `functions/spell/handler.${file}`));
    expect(data('space')).toEqual(['mixed-case.txt', 'word-pairs.txt', 'words.txt'].map((file) => `functions/space/handler.${file}`));
    // translate's English word model tells tied readings of a short text apart (Apertium only).
    expect(data('translate')).toEqual(['eld-small.json', 'word-pairs.txt', 'words.txt'].map((file) => `functions/translate/handler.${file}`));
    expect(data('home')).toEqual([]);
    // The word list as a string literal, or eld's n-grams as an object literal, would make the bundle megabytes larger.
    expect(statSync(join(work, 'spell', 'functions', 'spell', 'handler.mjs')).size).toBeLessThan(2 * 1024 * 1024);
    expect(statSync(join(work, 'translate', 'functions', 'translate', 'handler.mjs')).size).toBeLessThan(3 * 1024 * 1024);
  });

  it('spell corrects and stores through the Data API', async () => {
    const result = await invoke('spell', jsonPostEvent('/api/spell', { text: 'Teh wrold is big.', id: 'bundle' }));
    expect(result.statusCode).toBe(201);
    expect(JSON.parse(result.body!)).toEqual(expect.objectContaining({ output: 'The world is big.', id: 'bundle' }));
  });

  it('spell reads eld beside its bundle to refuse a text in another language', async () => {
    const result = await invoke('spell', jsonPostEvent('/api/spell', { text: 'Eu gosto muito de ler livros à noite.' }));
    expect(result.statusCode).toBe(422);
    expect(JSON.parse(result.body!).error.code).toBe('UNSUPPORTED_LANGUAGE');
  });

  it('space splits run-together words', async () => {
    const result = await invoke('space', jsonPostEvent('/api/space', { text: 'Thequickbrownfox jumped,overthelazydog.' }));
    expect(result.statusCode).toBe(201);
    expect(JSON.parse(result.body!).output).toBe('The quick brown fox jumped, over the lazy dog.');
  });

  it('translate answers 503 without an engine and translates with the Google client when configured', async () => {
    expect((await invoke('translate', jsonPostEvent('/api/translate', { text: 'hola' }))).statusCode).toBe(503);
    const result = await invoke('translate', jsonPostEvent('/api/translate', { text: 'hola' }), {
      GOOGLE_TRANSLATE_API_KEY: 'bundle-key',
      GOOGLE_CLOUD_TRANSLATE_ENDPOINT: google.endpoint,
    });
    expect(result.statusCode).toBe(201);
    expect(JSON.parse(result.body!)).toEqual(expect.objectContaining({ sourceLanguage: 'es', provider: 'google' }));
  });

  it('translate detects English with the n-grams shipped beside its bundle and returns it as is', async () => {
    const calls = google.requests.length;
    const text = 'The weather is lovely today, and we are going for a long walk in the park.';
    const result = await invoke('translate', jsonPostEvent('/api/translate', { text }), {
      GOOGLE_TRANSLATE_API_KEY: 'bundle-key',
      GOOGLE_CLOUD_TRANSLATE_ENDPOINT: google.endpoint,
    });
    expect(result.statusCode).toBe(201);
    expect(JSON.parse(result.body!)).toEqual(expect.objectContaining({ output: text, sourceLanguage: 'en' }));
    expect(google.requests).toHaveLength(calls);
  });

  it('home lists what the other bundles stored, newest first', async () => {
    const result = await invoke('home', albEvent({ query: { format: 'json' } }));
    expect(result.statusCode).toBe(200);
    const { records } = JSON.parse(result.body!);
    expect(records.map((r: { operation: string }) => r.operation)).toEqual(['translate', 'translate', 'space', 'spell']);
    const page = await invoke('home', albEvent({ headers: { accept: 'text/html' } }));
    expect(page.body).toContain('Thequickbrownfox');
  });
});

describe('the packaged migrate function', () => {
  it('answers CloudFormation\'s Create of DatabaseUsers: each user exists with its password, and SUCCESS reaches the response URL', async () => {
    const run = `b${Date.now().toString(36)}`;
    const secrets = await startSecretsManagerStub();
    const responseUrl = await startResponseUrlServer();
    const users = ['home', 'spell'].map((name) => ({ name, arn: `arn:aws:secretsmanager:us-east-1:123456789012:secret:${run}-${name}`, username: `${run}_${name}`, password: `${name}Bundle${run}0123456789` }));
    for (const { arn, username, password } of users) secrets.secrets.set(arn, JSON.stringify({ username, password }));
    const event: CloudFormationCustomResourceCreateEvent = {
      RequestType: 'Create',
      ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:text-service-dev-migrate',
      ResponseURL: responseUrl.url,
      StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/text-service-dev/0f0e',
      RequestId: 'bundle-create',
      LogicalResourceId: 'DatabaseUsers',
      ResourceType: 'Custom::DatabaseUsers',
      ResourceProperties: {
        ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:text-service-dev-migrate',
        ClusterArn: ARNS.DB_CLUSTER_ARN,
        MasterSecretArn: ARNS.DB_SECRET_ARN,
        Database: database,
        UserSecretArns: Object.fromEntries(users.map(({ name, arn }) => [name, arn])),
      },
    };
    try {
      const result = await invoke<{ Status: string }>('migrate', event, { SECRETS_MANAGER_ENDPOINT: secrets.endpoint });
      expect(result.Status).toBe('SUCCESS');
      expect(responseUrl.requests.map((r) => [r.method, r.headers['content-type'], JSON.parse(r.body).Status])).toEqual([['PUT', undefined, 'SUCCESS']]);
      for (const { username, password } of users) {
        const url = new URL(scratch.url);
        Object.assign(url, { username, password });
        const connection = await mysql.createConnection(url.toString());
        await connection.end();
      }
    } finally {
      const admin = await mysql.createConnection(MARIADB_URL);
      for (const { username } of users) await admin.query(`DROP USER IF EXISTS '${username}'@'%'`);
      await admin.end();
      await secrets.close();
      await responseUrl.close();
    }
  });
});
