/**
 * Cross-site posts, through the real handlers: a POST whose Origin is neither the service's own nor
 * listed, or that the browser marks cross-site, is 403 CROSS_SITE and stores nothing; the service's
 * own pages, listed origins and clients without an Origin still post. Also the headers every
 * response carries for it, and HEAD.
 */
import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { RecordStore } from '../db/record.ts';
import { albEvent, jsonBody, lambdaContext, responseHeader, SHAPES, type EventOptions } from '../../test/support/alb.ts';
import { expectedErrorBody } from '../../test/support/expectations.ts';
import { allRecords, loadService, ROUTE_NAMES, type Handler, type RouteName } from '../../test/support/service.ts';
import { ownOriginOf } from './middleware.ts';

const LISTED = 'https://app.example.com';
const HOST = 'text.example.org';
let handlers: Record<RouteName, Handler>;
let store: RecordStore;

beforeAll(async () => {
  process.env.CORS_ALLOWED_ORIGINS = LISTED;
  jest.resetModules();
  ({ handlers, store } = await loadService(ROUTE_NAMES));
  delete process.env.CORS_ALLOWED_ORIGINS;
});

const BEHIND_ALB = { host: HOST, 'x-forwarded-proto': 'https' };
const JSON_POST = { 'content-type': 'application/json', accept: 'application/json' };
const FORM_POST = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe.each(SHAPES)('%s headers', (shape) => {
  const post = (headers: Record<string, string>, form = false) =>
    handlers.space(
      albEvent({ method: 'POST', path: '/api/space', shape, headers: { ...(form ? FORM_POST : JSON_POST), ...headers }, body: form ? 'text=ab+cd' : '{"text":"ab cd"}' }),
      lambdaContext(),
    );

  it.each<[string, Record<string, string>]>([
    ['an unlisted origin', { ...BEHIND_ALB, origin: 'https://evil.example.net' }],
    ['the own host over the other scheme', { ...BEHIND_ALB, origin: `http://${HOST}` }],
    ['the own host on another port', { ...BEHIND_ALB, origin: `https://${HOST}:8443` }],
    ['an opaque origin (sandboxed frame, data: URL)', { ...BEHIND_ALB, origin: 'null' }],
    ['Sec-Fetch-Site cross-site without an Origin', { ...BEHIND_ALB, 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site cross-site with the own origin', { ...BEHIND_ALB, origin: `https://${HOST}`, 'sec-fetch-site': 'cross-site' }],
    ['an Origin and no Host to compare it with', { origin: `https://${HOST}` }],
    ['Sec-Fetch-Site same-site (a sibling subdomain)', { ...BEHIND_ALB, origin: `https://other.${HOST}`, 'sec-fetch-site': 'same-site' }],
    ['an opaque origin the browser marks cross-site', { ...BEHIND_ALB, origin: 'null', 'sec-fetch-site': 'cross-site' }],
  ])('refuses a JSON and a form POST from %s with 403 CROSS_SITE, storing nothing', async (_name, headers) => {
    const before = (await allRecords(store)).length;
    const refused = await post(headers);
    expect(refused.statusCode).toBe(403);
    expect(jsonBody(refused)).toEqual(expectedErrorBody(refused, 'CROSS_SITE', expect.stringContaining('CORS_ALLOWED_ORIGINS')));
    const page = await post(headers, true);
    expect(page.statusCode).toBe(403);
    expect(responseHeader(page, 'content-type')).toMatch(/^text\/html/);
    expect(page.body).toContain('CROSS_SITE');
    expect((await allRecords(store)).length).toBe(before);
  });

  it.each<[string, Record<string, string>]>([
    ['no Origin (curl, a server)', BEHIND_ALB],
    ['no Origin and no Host', {}],
    ['the own origin behind the ALB', { ...BEHIND_ALB, origin: `https://${HOST}`, 'sec-fetch-site': 'same-origin' }],
    ['the own form under Referrer-Policy no-referrer (Origin: null, Sec-Fetch-Site same-origin)', { ...BEHIND_ALB, origin: 'null', 'sec-fetch-site': 'same-origin' }],
    ['the own origin offline (no X-Forwarded-Proto)', { host: 'localhost:3003', origin: 'http://localhost:3003' }],
    ['a listed origin', { ...BEHIND_ALB, origin: LISTED, 'sec-fetch-site': 'cross-site' }],
  ])('stores a POST from %s', async (_name, headers) => {
    expect((await post(headers)).statusCode).toBe(201);
    expect((await post(headers, true)).statusCode).toBe(201);
  });

  it('lets GET through from any origin: reading is what CORS guards', async () => {
    const result = await handlers.space(albEvent({ path: '/api/space', shape, headers: { ...BEHIND_ALB, origin: 'https://evil.example.net', 'sec-fetch-site': 'cross-site' } }), lambdaContext());
    expect(result.statusCode).toBe(200);
  });

  it.each<[RouteName, string]>([
    ['home', '/'],
    ['home', '/openapi.json'],
    ['spell', '/api/spell'],
    ['translate', '/api/translate'],
    ['space', '/health'],
  ])('%s answers HEAD %s as GET, without the body', async (name, path) => {
    const request = (method: string, options: EventOptions = {}) => handlers[name](albEvent({ method, path, shape, ...options }), lambdaContext());
    const [get, head] = [await request('GET'), await request('HEAD')];
    expect(head.statusCode).toBe(get.statusCode);
    expect(get.statusCode).toBe(200);
    expect(head.body).toBe('');
    const names = (result: typeof get) => Object.keys({ ...result.headers, ...result.multiValueHeaders }).sort();
    expect(names(head)).toEqual(names(get));
    expect(responseHeader(head, 'content-type')).toBe(responseHeader(get, 'content-type'));
  });

  it('gives every response Vary Origin and the isolation headers, whoever asks', async () => {
    const results = [
      await handlers.home(albEvent({ path: '/', shape }), lambdaContext()),
      await handlers.spell(albEvent({ path: '/api/spell', shape, headers: { origin: 'https://evil.example.net' } }), lambdaContext()),
      await post({ ...BEHIND_ALB, origin: 'https://evil.example.net' }),
      await handlers.space(albEvent({ method: 'PUT', path: '/api/space', shape }), lambdaContext()),
    ];
    for (const result of results) {
      expect(responseHeader(result, 'vary')).toBe('Accept, Origin');
      expect(responseHeader(result, 'cross-origin-opener-policy')).toBe('same-origin');
      expect(responseHeader(result, 'cross-origin-resource-policy')).toBe('same-origin');
      expect(responseHeader(result, 'permissions-policy')).toMatch(/\bcamera=\(\)/);
      expect(responseHeader(result, 'permissions-policy')).not.toMatch(/clipboard-write/);
      expect(responseHeader(result, 'content-security-policy')).toContain("default-src 'none'");
    }
  });
});

describe('ownOriginOf', () => {
  it.each<[Record<string, string>, string | undefined]>([
    [{ host: 'example.org', 'x-forwarded-proto': 'https' }, 'https://example.org'],
    [{ host: 'Example.ORG:443', 'x-forwarded-proto': 'HTTPS' }, 'https://example.org'],
    [{ host: 'localhost:3003' }, 'http://localhost:3003'],
    [{ host: 'example.org', 'x-forwarded-proto': 'https, http' }, 'https://example.org'],
    [{ host: 'evil.example@example.org' }, undefined],
    [{ host: 'example.org/path' }, undefined],
    [{}, undefined],
  ])('%j → %s', (headers, origin) => {
    expect(ownOriginOf(headers)).toBe(origin);
  });
});
