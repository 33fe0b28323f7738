/**
 * The Data API executor against endpoints that misbehave below HTTP, with the deadline handed in
 * through the retry policy: whatever happens, the caller gets the contract's 503 with Retry-After
 * by the deadline, never a bare error (a 500).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createDataApiExecutor } from './data-api.ts';

// The SDK warns once per process that Node 20 support ends; not our concern here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const DEADLINE_MS = 300;
// Timers and the event loop may run a few ms late.
const SLACK_MS = 50;

/** A TCP endpoint that treats each connection as `onConnection` says, counting what arrives. */
async function rawEndpoint(onConnection: (socket: Socket) => void) {
  const sockets = new Set<Socket>();
  let requests = 0;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('data', () => requests++);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
  cleanups = [];
});

/** One statement through a fresh executor whose deadline is DEADLINE_MS away; the error it ends in and when. */
async function statementAgainst(endpoint: string) {
  const deadline = Date.now() + DEADLINE_MS;
  const executor = createDataApiExecutor({
    clusterArn: 'arn:aws:rds:us-east-1:123456789012:cluster:test',
    secretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:test',
    database: 'test',
    endpoint,
    region: 'us-east-1',
    retry: { deadline: () => deadline, baseDelayMs: 10, maxDelayMs: 20 },
  });
  cleanups.push(() => executor.close());
  const started = Date.now();
  const error = await executor.execute('SELECT 1').then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error: error as { code?: string; status?: number; headers?: Record<string, string>; message?: string }, ms: Date.now() - started };
}

function expectUnavailable(error: { code?: string; status?: number; headers?: Record<string, string> }) {
  expect(error).toMatchObject({ code: 'DATABASE_UNAVAILABLE', status: 503 });
  expect(error.headers?.['Retry-After']).toMatch(/^[1-9]\d*$/);
}

describe('the Data API executor under a deadline', () => {
  it('gives up at the deadline on an endpoint that accepts the connection and never answers, after one request', async () => {
    const silent = await rawEndpoint(() => {});
    cleanups.push(silent.close);
    const { error, ms } = await statementAgainst(silent.endpoint);
    expectUnavailable(error);
    expect(error.message).toMatch(/gave up after 1 attempt, the last without an answer before the request's deadline/);
    expect(ms).toBeGreaterThanOrEqual(DEADLINE_MS - SLACK_MS);
    expect(ms).toBeLessThanOrEqual(DEADLINE_MS + SLACK_MS);
    expect(silent.requests()).toBe(1);
  });

  it('answers 503 without a retry when the connection drops once the request is sent (the statement may have run)', async () => {
    const dropping = await rawEndpoint((socket) => socket.once('data', () => socket.destroy()));
    cleanups.push(dropping.close);
    const { error, ms } = await statementAgainst(dropping.endpoint);
    expectUnavailable(error);
    expect(error.message).toMatch(/no answer from the Data API/);
    expect(ms).toBeLessThanOrEqual(DEADLINE_MS + SLACK_MS);
    expect(dropping.requests()).toBe(1);
  });

  it('retries refused connections until the deadline, then answers 503', async () => {
    const gone = await rawEndpoint(() => {});
    await gone.close();
    const { error, ms } = await statementAgainst(gone.endpoint);
    expectUnavailable(error);
    expect(Number(/gave up after (\d+) attempts/.exec(error.message ?? '')?.[1])).toBeGreaterThan(1);
    expect(ms).toBeLessThanOrEqual(DEADLINE_MS + SLACK_MS);
  });
});
