/**
 * npm run bench:load — requests per second and p50/p99 latency per route under concurrent load
 * (autocannon), with the machine's core count.
 *
 * By default it starts the service as `npm start` does (serverless offline, port 3403) on a
 * throwaway SQLite store, translate going to the loopback Google stand-in so the figure is the
 * service's own cost, not a translation engine's. BENCH_URL=http://host:port measures a server
 * you run yourself instead (e.g. `npm start`; the bench adds records to its store).
 * BENCH_SECONDS (10 per route) and BENCH_CONNECTIONS (16) tune the run; --quick (npm test runs it)
 * is 1 s per route with 2 connections on 20 seeded records. Any non-2xx answer makes it exit 1.
 *
 * Two rows list 200 maximal records (10,000 characters each, the largest each operation stores:
 * test/support/maximal-texts.ts; 6 with --quick) with the size of one page in bytes.
 *
 * --memory instead sends every route at once from 50 connections for 180 s, from cold, and reports
 * the resident memory of the server's process tree (sampled each second) under load and after 70 s
 * idle, beside the requests served and timed out (BENCH_PID names the tree with BENCH_URL).
 * BENCH_OFFLINE_ARGS passes serverless-offline options to the server it starts
 * (BENCH_OFFLINE_ARGS='--terminateIdleLambdaTime 10'), to compare them.
 */
import { createRequire } from 'node:module';
import { availableParallelism, cpus } from 'node:os';
import { startGoogleTranslateStub } from '../../test/fakes/google-translate-server.ts';
import { HOSTILE_TEXTS } from '../../test/support/hostile-strings.ts';
import { MAXIMAL_REQUESTS } from '../../test/support/maximal-texts.ts';
import { startOfflineServer } from '../../test/support/offline-server.ts';
import { processTreeRss } from './process-tree-rss.ts';

/** The part of autocannon's API used here (the package ships no types). */
interface Histogram {
  average: number;
  p50: number;
  p99: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface AutocannonRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  setupRequest?: (request: { body?: string }) => { body?: string };
}
type Autocannon = (options: {
  url: string;
  connections: number;
  /** Seconds to run, or `amount` requests; `timeout` is seconds per request. */
  duration?: number;
  amount?: number;
  timeout?: number;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const QUICK = process.argv.includes('--quick');
const MEMORY = process.argv.includes('--memory');
const seconds = Number(process.env.BENCH_SECONDS ?? (QUICK ? 1 : MEMORY ? 180 : 10));
const connections = Number(process.env.BENCH_CONNECTIONS ?? (QUICK ? 2 : MEMORY ? 50 : 16));
const IDLE_SECONDS = 70;
const SEEDED = QUICK ? 20 : 200;
const MAXIMAL = QUICK ? 6 : 200;
const MAXIMAL_TAG = 'bench-maximal';

/** Every POST has its own text, as real traffic does: no cache or repeated work flatters the figure. */
let counter = 0;
const post = (operation: string, text: string): AutocannonRequest => ({
  method: 'POST',
  path: `/api/${operation}`,
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  setupRequest: (request) => ({ ...request, body: JSON.stringify({ text: `${text} ${++counter}`, id: `bench-${operation}` }) }),
});

// Cheapest first: requests a route leaves queued when its run ends would slow the next route's run.
const ROUTES: Array<[string, AutocannonRequest]> = [
  ['GET / (HTML, 50 rows)', { method: 'GET', path: '/', headers: { accept: 'text/html' } }],
  ['GET /?format=json&limit=200', { method: 'GET', path: '/?format=json&limit=200' }],
  [`GET / (HTML, limit=200, ${MAXIMAL} maximal records)`, { method: 'GET', path: `/?id=${MAXIMAL_TAG}&limit=200`, headers: { accept: 'text/html' } }],
  [`GET /?format=json&limit=200 (${MAXIMAL} maximal records)`, { method: 'GET', path: `/?id=${MAXIMAL_TAG}&limit=200&format=json` }],
  ['POST /api/space', post('space', 'Thequickbrownfox jumped,overthelazydog. Itwasthebestoftimes.')],
  ['POST /api/translate', post('translate', `hola mundo, ${HOSTILE_TEXTS[8]}`)],
  ['POST /api/spell', post('spell', 'Teh wrold is big and the qiuck brown fox jumpd over teh lazy dog.')],
];

async function seedOne(url: string, operation: string, body: object) {
  const response = await fetch(`${url}/api/${operation}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`seeding: POST /api/${operation} answered ${response.status}: ${await response.text()}`);
}

/** Full pages for the GET routes: the maximal records, then records of mixed text, newest. */
async function seed(url: string) {
  const maximal = Object.entries(MAXIMAL_REQUESTS);
  // Two at a time: the spelling of a maximal text takes about half a second.
  for (let i = 0; i < MAXIMAL; i += 2) {
    await Promise.all([i, i + 1].filter((n) => n < MAXIMAL).map((n) => seedOne(url, maximal[n % maximal.length]![0], { ...maximal[n % maximal.length]![1], id: MAXIMAL_TAG })));
  }
  for (let i = 0; i < SEEDED; i++) await seedOne(url, 'space', { text: `${HOSTILE_TEXTS[i % HOSTILE_TEXTS.length]} ${i}`, id: 'bench-seed' });
}

/** One answer's size, for the GET routes: what a page of them weighs. */
async function answerBytes(url: string, request: AutocannonRequest): Promise<string> {
  if (request.method !== 'GET') return '';
  const response = await fetch(`${url}${request.path}`, { headers: request.headers });
  return String((await response.arrayBuffer()).byteLength);
}

const mebibytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;

/** Every route at once from cold, the server tree's memory sampled each second, then left idle. */
async function memoryRun(url: string, pid: number) {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(processTreeRss(pid)), 1000);
  const before = processTreeRss(pid);
  const result = await autocannon({ url, connections, duration: seconds, timeout: 30, requests: ROUTES.filter(([, request]) => request.method === 'POST' || request.path === '/').map(([, request]) => request) });
  const underLoad = samples.splice(0);
  const atEnd = processTreeRss(pid);
  await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
  clearInterval(timer);
  const afterIdle = processTreeRss(pid);
  console.log('| RSS before | peak under load | at the end | after 70 s idle | requests | requests/s | p50 ms | p99 ms | non-2xx | timeouts/errors |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  console.log(`| ${[before, Math.max(...underLoad, atEnd), atEnd, afterIdle].map(mebibytes).join(' | ')} | ${result.requests.total} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${result.non2xx} | ${result.timeouts}/${result.errors} |`);
  console.log(`\nRSS each 10 s under load (MiB): ${underLoad.filter((_, i) => i % 10 === 9).map((bytes) => Math.round(bytes / 2 ** 20)).join(' ')}`);
  if (result.non2xx + result.errors > 0) {
    process.exitCode = 1;
    console.error(`status counts ${JSON.stringify(result.statusCodeStats)}`);
  }
}

async function main() {
  let url = process.env.BENCH_URL;
  let pid = Number(process.env.BENCH_PID);
  let serverOutput: (() => string) | undefined;
  const cleanups: Array<() => Promise<void>> = [];
  if (!url) {
    const google = await startGoogleTranslateStub();
    cleanups.push(() => google.close());
    const server = await startOfflineServer({
      albPort: 3403,
      env: { TRANSLATE_PROVIDER: 'google', GOOGLE_TRANSLATE_API_KEY: 'bench-key', GOOGLE_CLOUD_TRANSLATE_ENDPOINT: google.endpoint },
      args: process.env.BENCH_OFFLINE_ARGS?.split(' ').filter(Boolean),
    });
    pid = server.pid;
    cleanups.unshift(() => server.stop());
    url = server.url;
    serverOutput = server.output;
  }
  try {
    const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`;
    if (MEMORY) {
      console.log(`bench:load --memory against ${url}: ${connections} connections on every route for ${seconds} s, from cold; ${machine}; ${process.env.BENCH_OFFLINE_ARGS ?? 'no further options'}\n`);
      if (!pid) throw new Error('--memory with BENCH_URL needs BENCH_PID, the server process to measure');
      return await memoryRun(url, pid);
    }
    await seed(url);
    console.log(`bench:load against ${url}: ${connections} connections, ${seconds} s per route after a warm-up; ${machine}\n`);
    console.log('| route | bytes | requests/s | p50 ms | p99 ms | non-2xx |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const [name, request] of ROUTES) {
      // Warm-up: the spell and translate engines take seconds to load; that is not measured.
      await autocannon({ url, connections, amount: connections * 3, timeout: 120, requests: [request] });
      const result = await autocannon({ url, connections, duration: seconds, timeout: 30, requests: [request] });
      const failures = result.non2xx + result.errors;
      console.log(`| ${name} | ${await answerBytes(url, request)} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${failures} |`);
      if (failures > 0) {
        process.exitCode = 1;
        console.error(`  ${name}: status counts ${JSON.stringify(result.statusCodeStats)}, ${result.errors} connection errors`);
        if (serverOutput) console.error(serverOutput().split('\n').filter((line) => /error|✖|×/i.test(line)).slice(-10).join('\n'));
      }
    }
  } finally {
    for (const cleanup of cleanups) await cleanup();
  }
}

await main();
