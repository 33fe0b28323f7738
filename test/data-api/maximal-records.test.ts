/**
 * The largest records each operation can store, 200 of each, listed through the real handlers and
 * the Data API stand-in (which enforces AWS's 1 MiB per response and 64 KB per row): every page
 * answers 200 under 512 KiB in HTML and JSON, every record page too, and paging reaches every record.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import mysql from 'mysql2/promise';
import { startGoogleTranslateStub, type GoogleTranslateStub } from '../fakes/google-translate-server.ts';
import { albEvent, jsonBody, jsonPostEvent, lambdaContext } from '../support/alb.ts';
import { createScratchDatabase } from '../support/mariadb.ts';
import { MAXIMAL_REQUESTS } from '../support/maximal-texts.ts';
import { loadService, ROUTE_NAMES, type Handler } from '../support/service.ts';
import { startDataApiServer, type DataApiServer } from '../fakes/data-api/server.ts';
import { MAX_STORED_BYTES, storedBytes } from '../../shared/db/record-size.ts';
import type { RecordStore } from '../../shared/db/record.ts';
import { MAX_PAGE_BYTES } from '../../shared/http/page-size.ts';

jest.setTimeout(120_000);

const COPIES = 200;
let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let dataApi: DataApiServer;
let google: GoogleTranslateStub;
let handlers: Record<'home' | 'spell' | 'space' | 'translate', Handler>;
let store: RecordStore;
const maximal: Record<string, number> = {};

const get = (query: Record<string, string>, accept = 'application/json') => handlers.home(albEvent({ query, headers: { accept } }), lambdaContext());
const bytes = (body: string | undefined) => Buffer.byteLength(body ?? '');

beforeAll(async () => {
  scratch = await createScratchDatabase();
  [dataApi, google] = await Promise.all([startDataApiServer({ mysqlUrl: scratch.url }), startGoogleTranslateStub()]);
  Object.assign(process.env, {
    DB_CLUSTER_ARN: 'arn:aws:rds:us-east-1:123456789012:cluster:test',
    DB_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:test',
    DB_NAME: new URL(scratch.url).pathname.slice(1),
    DATA_API_ENDPOINT: dataApi.endpoint,
    TRANSLATE_PROVIDER: 'google',
    GOOGLE_TRANSLATE_API_KEY: 'maximal-key',
    GOOGLE_CLOUD_TRANSLATE_ENDPOINT: google.endpoint,
  });
  jest.resetModules();
  ({ handlers, store } = await loadService(ROUTE_NAMES));
  for (const [operation, body] of Object.entries(MAXIMAL_REQUESTS) as Array<[keyof typeof MAXIMAL_REQUESTS, object]>) {
    const result = await handlers[operation](jsonPostEvent(`/api/${operation}`, body), lambdaContext());
    expect([operation, result.statusCode]).toEqual([operation, 201]);
    maximal[operation] = jsonBody(result).seq;
  }
  // The rest are copies made in the database: running the engines 600 times would prove nothing more.
  const db = await mysql.createConnection(scratch.url);
  for (let i = 1; i < COPIES; i++) {
    await db.query(
      `INSERT INTO records (tag, operation, input_text, output_text, source_language, created_at, details, summary)
       SELECT tag, operation, input_text, output_text, source_language, created_at, details, summary FROM records WHERE seq IN (?) ORDER BY seq`,
      [Object.values(maximal)],
    );
  }
  await db.end();
});

afterAll(async () => {
  await store?.close();
  await Promise.all([dataApi?.close(), google?.close()]);
  await scratch?.drop();
});

describe(`${COPIES} maximal records of each operation, through the Data API stand-in`, () => {
  it('stores each operation at its largest within the row limit, the spelling details trimmed', async () => {
    for (const seq of Object.values(maximal)) expect(storedBytes((await store.get(seq))!)).toBeLessThanOrEqual(MAX_STORED_BYTES);
    const spelled = (await store.get(maximal.spell!))!;
    expect(spelled.details).toEqual(expect.objectContaining({ truncated: true }));
    expect(storedBytes(spelled)).toBeGreaterThan(MAX_STORED_BYTES * 0.95);
    expect(spelled.summary).toMatch(/^\d{3,} corrections/);
  });

  it.each([
    ['HTML, the default page', {}, 'text/html'],
    ['JSON, the default page', { format: 'json' }, 'application/json'],
    ['HTML, limit=200', { limit: '200' }, 'text/html'],
    ['JSON, limit=200', { limit: '200', format: 'json' }, 'application/json'],
  ])('lists %s with 200 under 512 KiB', async (_name, query, accept) => {
    const result = await get(query, accept);
    expect(result.statusCode).toBe(200);
    expect(bytes(result.body)).toBeLessThan(MAX_PAGE_BYTES);
  });

  it('ends a page early, with a next link, where 200 previews would pass 512 KiB', async () => {
    const query = { operation: 'space', limit: '200' };
    const page = jsonBody(await get({ ...query, format: 'json' }));
    const html = (await get(query, 'text/html')).body!;
    expect(bytes(html)).toBeLessThan(MAX_PAGE_BYTES);
    expect(page.records.length).toBeLessThan(200);
    expect(html.match(/<tr><td data-label="Record">/g)).toHaveLength(page.records.length);
    expect(page.next).toEqual(expect.any(String));
    const rest = jsonBody(await get({ ...query, format: 'json', cursor: page.next }));
    expect(rest.records[0].seq).toBeLessThan(page.records.at(-1).seq);
  });

  it('pages through every record exactly once, HTML and JSON pages holding the same rows', async () => {
    const seen: number[] = [];
    for (let cursor: string | null = ''; cursor !== null; ) {
      const query = { limit: '200', ...(cursor && { cursor }) };
      const page = jsonBody(await get({ ...query, format: 'json' }));
      const html = (await get(query, 'text/html')).body!;
      expect(html.match(/<tr><td data-label="Record">/g)).toHaveLength(page.records.length);
      seen.push(...page.records.map((r: { seq: number }) => r.seq));
      cursor = page.next;
    }
    expect(seen).toHaveLength(3 * COPIES);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('shows each maximal record in full on its page, under 512 KiB in HTML and JSON', async () => {
    for (const seq of Object.values(maximal)) {
      for (const accept of ['text/html', 'application/json']) {
        const result = await get({ seq: String(seq) }, accept);
        expect([seq, accept, result.statusCode]).toEqual([seq, accept, 200]);
        expect(bytes(result.body)).toBeLessThan(MAX_PAGE_BYTES);
      }
    }
  });
});
