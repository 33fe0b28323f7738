/**
 * 16 clients at once send 400 requests of emoji, quotes, markup, SQL-looking and mixed-script text
 * to the offline server, as `npm start` runs it, on SQLite and on MariaDB: every request is answered
 * 201 and every record is stored exactly once, intact.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGoogleTranslateStub, type GoogleTranslateStub } from '../fakes/google-translate-stub.ts';
import { HOSTILE_IDS, HOSTILE_TEXTS } from '../support/hostile-strings.ts';
import { createScratchDatabase } from '../support/mariadb.ts';
import { startOfflineServer, type OfflineServer } from '../support/offline-server.ts';

const CLIENTS = 16;
const REQUESTS = 400;
const OPERATIONS = ['space', 'spell', 'translate'] as const;

interface Sent {
  operation: (typeof OPERATIONS)[number];
  text: string;
  id: string;
}

// Request n: a hostile text made unique, an id of hostile characters made unique, the operations in turn.
const request = (n: number): Sent => ({
  operation: OPERATIONS[n % OPERATIONS.length]!,
  text: `${HOSTILE_TEXTS[n % HOSTILE_TEXTS.length]} #${n}`,
  id: `${HOSTILE_IDS[n % HOSTILE_IDS.length]} ${n}`,
});

interface StoredRecord {
  seq: number;
  id: string;
  operation: string;
  input: string;
  output: string;
}

/** Sends all requests from CLIENTS concurrent loops; resolves with every response by request number. */
async function sendAll(url: string): Promise<Array<{ status: number; text: string }>> {
  const results: Array<{ status: number; text: string }> = [];
  let next = 0;
  const client = async () => {
    for (let n = next++; n < REQUESTS; n = next++) {
      const { operation, text, id } = request(n);
      // Half JSON, half what a browser form sends.
      const asForm = n % 2 === 1;
      const response = await fetch(`${url}/api/${operation}`, {
        method: 'POST',
        headers: { 'Content-Type': asForm ? 'application/x-www-form-urlencoded' : 'application/json', Accept: 'application/json' },
        body: asForm ? new URLSearchParams({ text, id }).toString() : JSON.stringify({ text, id }),
      });
      results[n] = { status: response.status, text: await response.text() };
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return results;
}

async function listAll(url: string): Promise<StoredRecord[]> {
  const records: StoredRecord[] = [];
  for (let cursor: string | null = ''; cursor !== null; ) {
    const response = await fetch(`${url}/?format=json&limit=200${cursor && `&cursor=${cursor}`}`);
    const page = (await response.json()) as { records: StoredRecord[]; next: string | null };
    records.push(...page.records);
    cursor = page.next;
  }
  return records;
}

let google: GoogleTranslateStub;
let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
// translate through the Google stand-in, whatever engines this machine has installed.
let translateEnv: Record<string, string>;

beforeAll(async () => {
  google = await startGoogleTranslateStub();
  scratch = await createScratchDatabase();
  translateEnv = { TRANSLATE_PROVIDER: 'google', GOOGLE_TRANSLATE_API_KEY: 'load-test-key', GOOGLE_CLOUD_TRANSLATE_ENDPOINT: google.endpoint };
});

afterAll(async () => {
  await google?.close();
  await scratch?.drop();
});

// One server at a time: offline servers started from the same folder share their build output.
describe.each([
  ['SQLite', () => ({})],
  ['MariaDB', () => ({ DATABASE_URL: scratch.url })],
])('%s', (_backend, storeEnv) => {
  let server: OfflineServer;
  beforeAll(async () => {
    server = await startOfflineServer({ albPort: 3303, env: { ...translateEnv, ...storeEnv() } });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  it(`answers all ${REQUESTS} requests from ${CLIENTS} clients with 201 and stores every record intact`, async () => {
    const { url } = server;
    const results = await sendAll(url);

    expect(results.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.text.slice(0, 200)}`)).toEqual([]);
    const bodies: StoredRecord[] = results.map((r) => JSON.parse(r.text));
    bodies.forEach((body, n) => {
      const { operation, text, id } = request(n);
      expect({ operation: body.operation, input: body.input, id: body.id }).toEqual({ operation, input: text, id });
    });

    const stored = await listAll(url);
    expect(stored).toHaveLength(REQUESTS);
    expect(new Set(stored.map((r) => r.seq)).size).toBe(REQUESTS);
    const byId = new Map(stored.map((r) => [r.id, r]));
    bodies.forEach((body) => {
      expect(byId.get(body.id)).toEqual(expect.objectContaining({ seq: body.seq, operation: body.operation, input: body.input, output: body.output }));
    });
  }, 180_000);
});
