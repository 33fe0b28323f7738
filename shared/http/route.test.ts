import { afterEach, expect, it, jest } from '@jest/globals';
import { albRoute, HEALTH_CHECK_PATH } from './route.ts';
import { albEvent, jsonBody, lambdaContext } from '../../test/support/alb.ts';

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
