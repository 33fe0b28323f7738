/**
 * CORS by setting, through the real handlers: preflights and responses for a listed origin carry
 * the Access-Control headers, any other origin gets none. (test/e2e checks the same offline.)
 */
import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ALBResult } from 'aws-lambda';
import { albEvent, jsonBody, lambdaContext, responseHeader, SHAPES, type EventOptions } from '../../test/support/alb.ts';
import { loadService, ROUTE_NAMES, type Handler, type RouteName } from '../../test/support/service.ts';

const LISTED = 'https://app.example.com';
const OTHER = 'https://evil.example.net';
let handlers: Record<RouteName, Handler>;

beforeAll(async () => {
  // The setting is read once per cold start: load the handlers fresh with it.
  process.env.CORS_ALLOWED_ORIGINS = `${LISTED}, http://localhost:5173`;
  process.env.TRANSLATE_PROVIDER = 'google';
  jest.resetModules();
  ({ handlers } = await loadService(ROUTE_NAMES));
  delete process.env.CORS_ALLOWED_ORIGINS;
});

const accessControl = (result: ALBResult) =>
  Object.keys({ ...result.headers, ...result.multiValueHeaders }).filter((name) => /^access-control-/i.test(name));

const preflight = (origin: string, options: EventOptions = {}): EventOptions => ({
  method: 'OPTIONS',
  ...options,
  headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type', ...options.headers },
});

const ROUTES: Array<[RouteName, string, string]> = [
  ['home', '/', 'GET'],
  ['spell', '/api/spell', 'GET, POST'],
  ['space', '/api/space', 'GET, POST'],
  ['translate', '/api/translate', 'GET, POST'],
];

describe.each(SHAPES)('%s headers', (shape) => {
  describe.each(ROUTES)('%s', (name, path, methods) => {
    const send = (options: EventOptions) => handlers[name](albEvent({ path, shape, ...options }), lambdaContext());

    it('answers a preflight from a listed origin with 204 and what it may send', async () => {
      const result = await send(preflight(LISTED));
      expect(result.statusCode).toBe(204);
      expect(result.body).toBe('');
      expect(responseHeader(result, 'access-control-allow-origin')).toBe(LISTED);
      expect(responseHeader(result, 'access-control-allow-methods')).toBe(methods);
      expect(responseHeader(result, 'access-control-allow-headers')).toBe('Accept, Content-Type');
      expect(responseHeader(result, 'access-control-max-age')).toBe('600');
      expect(responseHeader(result, 'vary')).toBe('Accept, Origin');
      expect(responseHeader(result, 'access-control-allow-credentials')).toBeUndefined();
      expect(responseHeader(result, 'x-request-id')).toMatch(/^test-/);
      expect(responseHeader(result, 'content-security-policy')).toContain("default-src 'none'");
    });

    it('answers a preflight from an unlisted origin as any OPTIONS request: 405, no Access-Control headers', async () => {
      for (const options of [preflight(OTHER), preflight(LISTED.replace('https', 'http')), preflight('null')]) {
        const result = await send({ ...options, headers: { ...options.headers, accept: 'application/json' } });
        expect(result.statusCode).toBe(405);
        expect(jsonBody(result).error.code).toBe('METHOD_NOT_ALLOWED');
        expect(responseHeader(result, 'allow')).toBe(methods);
        expect(accessControl(result)).toEqual([]);
        expect(responseHeader(result, 'vary')).toBe('Accept, Origin');
      }
    });

    it('an OPTIONS request that is no preflight stays a 405, even from a listed origin', async () => {
      const result = await send({ method: 'OPTIONS', headers: { origin: LISTED } });
      expect(result.statusCode).toBe(405);
      expect(responseHeader(result, 'access-control-allow-origin')).toBe(LISTED);
      expect(responseHeader(result, 'access-control-allow-methods')).toBeUndefined();
    });

    it('names a listed origin on its GET and lets the page read X-Request-Id; tells others nothing', async () => {
      const listed = await send({ headers: { origin: LISTED, accept: 'application/json' } });
      expect(listed.statusCode).toBe(200);
      expect(responseHeader(listed, 'access-control-allow-origin')).toBe(LISTED);
      expect(responseHeader(listed, 'access-control-expose-headers')).toBe('X-Request-Id');
      expect(responseHeader(listed, 'vary')).toBe('Accept, Origin');
      const other = await send({ headers: { origin: OTHER, accept: 'application/json' } });
      expect(other.statusCode).toBe(200);
      expect(accessControl(other)).toEqual([]);
      expect(accessControl(await send({ headers: { accept: 'application/json' } }))).toEqual([]);
    });
  });

  it('names a listed origin on created records and on errors, so the page can read them', async () => {
    const created = await handlers.space(
      albEvent({ method: 'POST', path: '/api/space', shape, headers: { origin: LISTED, 'content-type': 'application/json' }, body: '{"text":"ab cd"}' }),
      lambdaContext(),
    );
    expect(created.statusCode).toBe(201);
    expect(responseHeader(created, 'access-control-allow-origin')).toBe(LISTED);
    const invalid = await handlers.spell(
      albEvent({ method: 'POST', path: '/api/spell', shape, headers: { origin: LISTED, 'content-type': 'application/json' }, body: '{"text":' }),
      lambdaContext(),
    );
    expect(invalid.statusCode).toBe(400);
    expect(responseHeader(invalid, 'access-control-allow-origin')).toBe(LISTED);
    const unavailable = await handlers.translate(
      albEvent({ method: 'POST', path: '/api/translate', shape, headers: { origin: OTHER, 'content-type': 'application/json' }, body: '{"text":"hola"}' }),
      lambdaContext(),
    );
    // An unlisted origin's POST is refused as cross-site (cross-site.test.ts), and told nothing either.
    expect(unavailable.statusCode).toBe(403);
    expect(accessControl(unavailable)).toEqual([]);
  });
});

it('without the setting, no origin gets CORS headers', async () => {
  jest.resetModules();
  const { handlers: plain } = await loadService(['space']);
  for (const event of [albEvent(preflight(LISTED, { path: '/api/space' })), albEvent({ path: '/api/space', headers: { origin: LISTED } })]) {
    const result = await plain.space(event, lambdaContext());
    expect(result.statusCode).toBe(event.httpMethod === 'OPTIONS' ? 405 : 200);
    expect(accessControl(result)).toEqual([]);
  }
});
