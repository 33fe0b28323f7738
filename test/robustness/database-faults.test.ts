/**
 * Database faults seen through the real handlers: MariaDB going away and coming back, Aurora
 * resuming from zero capacity, and the Data API endpoint unreachable. Each backend is configured
 * the way a deployment is, through the environment, read when the modules load.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ALBResult } from 'aws-lambda';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startDataApiServer, type DataApiServer } from '../fakes/data-api/server.ts';
import { DEADLINE_HEADROOM_MS } from '../../shared/http/middleware.ts';
import { albEvent, jsonPostEvent, jsonBody, lambdaContext, responseHeader } from '../support/alb.ts';
import { expectedErrorBody, expectNoInternals, expectSecurityHeaders } from '../support/expectations.ts';
import { createScratchDatabase } from '../support/mariadb.ts';
import { loadService, type Handler } from '../support/service.ts';

interface Service {
  space: Handler;
  home: Handler;
  close(): Promise<void>;
}

/** Fresh modules under the given environment: a cold start with that configuration. */
async function coldStart(env: Record<string, string>): Promise<Service> {
  Object.assign(process.env, env);
  jest.resetModules();
  const { handlers, store } = await loadService(['space', 'home']);
  return { ...handlers, close: () => store.close() };
}

const post = (service: Service, id: string, context = lambdaContext()) =>
  service.space(
    jsonPostEvent('/api/space', { text: 'hello world', id }),
    context,
  );
const listIds = async (service: Service) => {
  const result = await service.home(albEvent({ query: { format: 'json', limit: '200' } }), lambdaContext());
  expect(result.statusCode).toBe(200);
  return jsonBody(result).records.map((r: { id: string }) => r.id);
};

/** The contract's 503 DATABASE_UNAVAILABLE with Retry-After, its message matching `why`. */
function expectDatabaseUnavailable(result: ALBResult, why: RegExp) {
  expect(result.statusCode).toBe(503);
  expect(jsonBody(result)).toEqual(expectedErrorBody(result, 'DATABASE_UNAVAILABLE', expect.stringMatching(why)));
  expect(responseHeader(result, 'retry-after')).toMatch(/^[1-9]\d*$/);
  expectSecurityHeaders((name) => responseHeader(result, name));
  expectNoInternals(result.body!);
}

/** How many attempts the 503's message says were made. */
const attemptsOf = (result: ALBResult) => Number(/after (\d+) attempts/.exec(jsonBody(result).error.message)?.[1]);

function expectUnavailable(result: ALBResult) {
  expectDatabaseUnavailable(result, /gave up after \d+ attempts/);
  // More than one attempt: the failure was retried before the client was told.
  expect(attemptsOf(result)).toBeGreaterThan(1);
}

/** A TCP forwarder to MariaDB that can be taken down (connections dropped, port closed) and brought back. */
async function startSwitchableProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  let server: Server | undefined;
  let port = 0;
  const up = async () => {
    server = createServer((client) => {
      const upstream = connect(target.port, target.host);
      track(client);
      track(upstream);
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  };
  const down = async () => {
    const closed = new Promise((resolve) => server!.close(resolve));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  await up();
  return { port, up, down };
}

describe('MariaDB through mysql2', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let proxy: Awaited<ReturnType<typeof startSwitchableProxy>>;
  let service: Service;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    const url = new URL(scratch.url);
    proxy = await startSwitchableProxy({ host: url.hostname, port: Number(url.port || 3306) });
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    service = await coldStart({ DATABASE_URL: url.toString() });
  });
  afterAll(async () => {
    await service?.close();
    await proxy?.down();
    await scratch?.drop();
  });

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After while the server is down, stores nothing, and recovers', async () => {
    expect(await post(service, 'before')).toMatchObject({ statusCode: 201 });
    await proxy.down();
    // Let the pool see its connections close first, so the failures are refused connections, which
    // are retried; a query racing that close gets a 503 without retries (it may have run).
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [write, read] = await Promise.all([post(service, 'during'), service.home(albEvent({ query: { format: 'json' } }), lambdaContext())]);
    expectUnavailable(write);
    expectUnavailable(read);
    await proxy.up();
    expect(await post(service, 'after')).toMatchObject({ statusCode: 201 });
    expect(await listIds(service)).toEqual(['after', 'before']);
  });
});

describe('Aurora through the Data API (the real AWS SDK against the loopback Data API server)', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let dataApi: DataApiServer;
  let service: Service;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    dataApi = await startDataApiServer({ mysqlUrl: scratch.url });
    service = await coldStart({
      DB_CLUSTER_ARN: 'arn:aws:rds:us-east-1:123456789012:cluster:test',
      DB_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:test',
      DB_NAME: new URL(scratch.url).pathname.slice(1),
      DATA_API_ENDPOINT: dataApi.endpoint,
    });
  });
  // A deadline long enough for three resume answers (backoff up to 0.25 + 0.5 + 1 s), short for the test.
  const resumeContext = () => lambdaContext(3_000 + DEADLINE_HEADROOM_MS);
  afterAll(async () => {
    await service?.close();
    await dataApi?.close();
    await scratch?.drop();
  });

  it('retries while Aurora resumes, then answers 201 and stores the record once', async () => {
    const calls = dataApi.calls.ExecuteStatement!;
    dataApi.failNext(3, 'DatabaseResumingException');
    const result = await post(service, 'resumed', resumeContext());
    expect(result.statusCode).toBe(201);
    expect(dataApi.calls.ExecuteStatement! - calls).toBe(4);
    expect(await listIds(service)).toEqual(['resumed']);
  });

  it('gives up with 503 and Retry-After when Aurora stays paused, stores nothing, and works once it is back', async () => {
    dataApi.failNext(10_000, 'DatabaseResumingException');
    const [write, read] = await Promise.all([post(service, 'paused', resumeContext()), service.home(albEvent({ query: { format: 'json' } }), resumeContext())]);
    dataApi.clearFailures();
    expectUnavailable(write);
    expectUnavailable(read);
    expect(await listIds(service)).toEqual(['resumed']);
    expect(await post(service, 'awake')).toMatchObject({ statusCode: 201 });
  });

  it('answers 503 when the Data API endpoint cannot be reached at all', async () => {
    await dataApi.close();
    // Let the SDK see its kept-alive sockets close first, so the failures are refused connections,
    // which are retried; a request racing that close gets a 503 without retries (it may have run).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expectUnavailable(await post(service, 'unreachable', resumeContext()));
  });
});

describe('one deadline per request, with the Data API stand-in slow and throttling', () => {
  // 1.5 s left in the invocation: the request's deadline falls 0.5 s in, the headroom after it.
  const REMAINING_MS = 1_500;
  const DEADLINE_MS = REMAINING_MS - DEADLINE_HEADROOM_MS;
  // Timers and the event loop may run a few ms late.
  const SLACK_MS = 50;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let dataApi: DataApiServer;
  let service: Service;

  const timed = async (work: () => Promise<ALBResult>) => {
    const started = Date.now();
    const result = await work();
    return { result, ms: Date.now() - started };
  };

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    dataApi = await startDataApiServer({ mysqlUrl: scratch.url });
    service = await coldStart({
      DB_CLUSTER_ARN: 'arn:aws:rds:us-east-1:123456789012:cluster:test',
      DB_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:test',
      DB_NAME: new URL(scratch.url).pathname.slice(1),
      DATA_API_ENDPOINT: dataApi.endpoint,
    });
  });
  afterEach(() => {
    dataApi.slowDown(0);
    dataApi.clearFailures();
  });
  afterAll(async () => {
    await service?.close();
    await dataApi?.close();
    await scratch?.drop();
  });

  it('retries throttling within the deadline, one request per attempt, then answers 503 with Retry-After and stores nothing', async () => {
    const calls = dataApi.calls.ExecuteStatement!;
    dataApi.failNext(10_000, 'ThrottlingException');
    const { result, ms } = await timed(() => post(service, 'throttled', lambdaContext(REMAINING_MS)));
    dataApi.clearFailures();
    expectUnavailable(result);
    // The SDK retried nothing on its own: each attempt the message counts is one request the stand-in saw.
    expect(dataApi.calls.ExecuteStatement! - calls).toBe(attemptsOf(result));
    // No retry started that could not end by the deadline.
    expect(ms).toBeLessThanOrEqual(DEADLINE_MS + SLACK_MS);
    expect(await listIds(service)).not.toContain('throttled');
  });

  it('answers 201 when a retry of a throttled statement succeeds before the deadline', async () => {
    // How many Data API requests one unhindered save takes.
    let calls = dataApi.calls.ExecuteStatement!;
    expect(await post(service, 'unhindered', lambdaContext(REMAINING_MS))).toMatchObject({ statusCode: 201 });
    const saving = dataApi.calls.ExecuteStatement! - calls;
    calls = dataApi.calls.ExecuteStatement!;
    dataApi.failNext(1, 'ThrottlingException');
    const { result, ms } = await timed(() => post(service, 'throttled-once', lambdaContext(REMAINING_MS)));
    expect(result.statusCode).toBe(201);
    expect(ms).toBeLessThanOrEqual(DEADLINE_MS + SLACK_MS);
    // One more request than unhindered: the throttled one, retried once by us and not by the SDK.
    expect(dataApi.calls.ExecuteStatement! - calls).toBe(saving + 1);
  });

  it('answers 201 from a slow endpoint while the deadline allows it', async () => {
    dataApi.slowDown(50);
    const { result } = await timed(() => post(service, 'slow', lambdaContext(REMAINING_MS)));
    expect(result.statusCode).toBe(201);
  });

  it('answers 503 with Retry-After at the deadline, before the invocation ends, when the endpoint answers too late', async () => {
    dataApi.slowDown(1_000);
    const { result, ms } = await timed(() => post(service, 'late', lambdaContext(REMAINING_MS)));
    expectDatabaseUnavailable(result, /gave up after 1 attempt, the last without an answer before the request's deadline/);
    expect(ms).toBeGreaterThanOrEqual(DEADLINE_MS - SLACK_MS);
    expect(ms).toBeLessThan(REMAINING_MS);
  });
});
