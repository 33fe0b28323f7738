import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { requestDeadline } from '../deadline.ts';
import { DEADLINE_HEADROOM_MS } from './middleware.ts';
import { albRoute, HEALTH_CHECK_PATH } from './route.ts';
import { albEvent, jsonBody, lambdaContext, responseHeader, SHAPES, type EventOptions } from '../../test/support/alb.ts';

const work = jest.fn(async () => ({ status: 200, json: { ok: true } }));
const handler = albRoute({ route: '/x', methods: { GET: work } });

afterEach(() => {
  work.mockClear();
  jest.restoreAllMocks();
});

it('answers the ALB health check without running the route', async () => {
  const result = await handler(albEvent({ path: HEALTH_CHECK_PATH }), lambdaContext());
  expect(result.statusCode).toBe(200);
  expect(jsonBody(result)).toEqual({ status: 'ok' });
  expect(work).not.toHaveBeenCalled();
});

it("runs the route under one deadline, the invocation's remaining time less the headroom, and only it", async () => {
  const seen: Array<number | undefined> = [];
  const deadlineRoute = albRoute({
    route: '/x',
    methods: {
      GET: async () => {
        seen.push(requestDeadline());
        await new Promise((resolve) => setTimeout(resolve, 10));
        seen.push(requestDeadline());
        return { status: 200, json: {} };
      },
    },
  });
  const before = Date.now();
  await deadlineRoute(albEvent({ path: '/x' }), lambdaContext(5_000));
  const after = Date.now();
  expect(seen[0]).toBe(seen[1]);
  expect(seen[0]).toBeGreaterThanOrEqual(before + 5_000 - DEADLINE_HEADROOM_MS);
  expect(seen[0]).toBeLessThanOrEqual(after + 5_000 - DEADLINE_HEADROOM_MS);
  expect(requestDeadline()).toBeUndefined();
});

it('logs each request as one JSON line with embedded metrics and no body text', async () => {
  const lines: string[] = [];
  jest.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
  const previous = process.env.LOG_LEVEL;
  // The log level is read at import; this test checks the line's shape through a fresh module.
  process.env.LOG_LEVEL = 'info';
  jest.resetModules();
  const { albRoute: freshRoute } = await import('./route.ts');
  process.env.LOG_LEVEL = previous;
  const fresh = freshRoute({ route: '/x', methods: { GET: work } });
  await fresh(albEvent({ path: '/x', query: { secret: 'do-not-log' } }), lambdaContext());
  expect(lines).toHaveLength(1);
  const entry = JSON.parse(lines[0]!);
  expect(entry).toEqual(expect.objectContaining({ message: 'request', route: '/x', status: 200, Requests: 1, ServerErrors: 0 }));
  expect(entry._aws.CloudWatchMetrics[0].Dimensions).toEqual([['route']]);
  expect(lines[0]).not.toContain('do-not-log');
});

describe('request ids', () => {
  const TRACE_ROOT = '1-67891233-abcdef012345678912345678';
  // Modules loaded with logging on (the level is read at import), errors from the same graph.
  let fresh: { albRoute: typeof albRoute; AppError: typeof import('../errors.ts').AppError; html: typeof import('./html.ts').html };
  beforeAll(async () => {
    const previous = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'info';
    jest.resetModules();
    fresh = { ...(await import('./route.ts')), ...(await import('../errors.ts')), ...(await import('./html.ts')) };
    process.env.LOG_LEVEL = previous;
  });
  const routeOf = (fail?: () => Error) =>
    fresh.albRoute({
      route: '/x',
      methods: {
        GET: async () => ({ status: 200, json: { ok: true }, page: () => fresh.html`<p>ok</p>` }),
        POST: async () => {
          throw fail!();
        },
      },
    });
  type Failure = () => Error;
  const invalid: Failure = () => new fresh.AppError('VALIDATION_FAILED', 'bad');
  const kinds: Array<[string, Failure | undefined, EventOptions]> = [
    ['a 200 as JSON', undefined, { path: '/x', headers: { accept: 'application/json' } }],
    ['a 200 page', undefined, { path: '/x', headers: { accept: 'text/html' } }],
    ['the health check', undefined, { path: HEALTH_CHECK_PATH }],
    ['a 400', invalid, { method: 'POST', path: '/x' }],
    ['a 503 with Retry-After', () => new fresh.AppError('DATABASE_UNAVAILABLE', 'later', { 'Retry-After': '5' }), { method: 'POST', path: '/x' }],
    ['a bare 500', () => new TypeError('boom'), { method: 'POST', path: '/x' }],
    ['a 405', undefined, { method: 'DELETE', path: '/x' }],
    ['a 405 to OPTIONS', undefined, { method: 'OPTIONS', path: '/x' }],
    ['a 413 from the parser', undefined, { method: 'POST', path: '/x', body: 'x'.repeat(300 * 1024) }],
    ['an error page', invalid, { method: 'POST', path: '/x', headers: { accept: 'text/html' } }],
  ];

  describe.each(SHAPES)('%s headers', (shape) => {
    it.each(kinds)('%s carries X-Request-Id, the same id as its body and its access log line', async (_name, fail, options) => {
      const lines = captureLog();
      const context = lambdaContext();
      const result = await routeOf(fail)(albEvent({ ...options, shape }), context);
      const id = responseHeader(result, 'x-request-id');
      expect(id).toBe(context.awsRequestId);
      if (result.statusCode >= 400) {
        if (responseHeader(result, 'content-type')!.startsWith('application/json')) expect(jsonBody(result).error.requestId).toBe(id);
        else expect(result.body).toContain(`Request id: ${id}`);
      }
      const access = lines().filter((e) => e.message === 'request');
      expect(access.map((e) => e.requestId)).toEqual([id]);
      for (const failure of lines().filter((e) => e.message === 'request failed')) expect(failure.requestId).toBe(id);
    });

    it('prefers the trace id the ALB adds, in every kind of response', async () => {
      for (const [, fail, options] of kinds) {
        const lines = captureLog();
        const trace = `Self=1-67891234-12456789abcdef012345678;Root=${TRACE_ROOT};Sampled=1`;
        const result = await routeOf(fail)(albEvent({ ...options, shape, headers: { ...options.headers, 'X-Amzn-Trace-Id': trace } }), lambdaContext());
        expect(responseHeader(result, 'x-request-id')).toBe(TRACE_ROOT);
        expect(lines().find((e) => e.message === 'request')!.requestId).toBe(TRACE_ROOT);
      }
    });
  });

  it.each(['', 'Root=not-a-trace', `Root=${TRACE_ROOT}\r\nSet-Cookie: x=1`, `Root=${TRACE_ROOT}x`])(
    'falls back to the Lambda request id for a trace header %j that is no ALB trace id',
    async (trace) => {
      captureLog();
      const context = lambdaContext();
      const result = await routeOf()(albEvent({ path: '/x', headers: { 'x-amzn-trace-id': trace } }), context);
      expect(responseHeader(result, 'x-request-id')).toBe(context.awsRequestId);
    },
  );
});

/** Captures the JSON log lines from here on (the level is whatever the module loaded with: warn and up always show). */
function captureLog(): () => Array<Record<string, unknown>> {
  const lines: string[] = [];
  for (const stream of ['log', 'error'] as const) jest.spyOn(console, stream).mockImplementation((line: unknown) => void lines.push(String(line)));
  return () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}
