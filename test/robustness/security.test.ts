/**
 * Hostile text and ids are data: they come back byte for byte in JSON and only ever as text in
 * HTML; every response carries the security headers; logs carry ids, routes, sizes and timings,
 * never the user's text. (test/browser checks the pages in a real browser.)
 */
import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ALBResult } from 'aws-lambda';
import { albEvent, jsonBody, lambdaContext, responseHeader, SHAPES, type HeaderShape } from '../support/alb.ts';
import { expectSecurityHeaders } from '../support/expectations.ts';
import { HOSTILE_IDS, HOSTILE_TEXTS } from '../support/hostile-strings.ts';
import { loadService, ROUTE_NAMES, type Handler, type RouteName } from '../support/service.ts';
import { SCRIPT_HTML } from '../../shared/http/script.ts';
import { FAVICON_PATH } from '../../shared/http/site-files.ts';

let handlers: Record<RouteName, Handler>;
const logLines: string[] = [];

// The log level is read when the modules load: load them fresh with logging on and capture it.
beforeAll(async () => {
  process.env.LOG_LEVEL = 'debug';
  // Google without a key: translate answers 503 whatever engines this machine has installed.
  process.env.TRANSLATE_PROVIDER = 'google';
  for (const stream of ['log', 'error', 'warn', 'info', 'debug'] as const) {
    jest.spyOn(console, stream).mockImplementation((...args: unknown[]) => void logLines.push(args.map(String).join(' ')));
  }
  ({ handlers } = await loadService(ROUTE_NAMES));
});

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const postJson = (route: 'spell' | 'space', body: unknown, shape: HeaderShape = 'single', accept = 'application/json') =>
  handlers[route](
    albEvent({ method: 'POST', path: `/api/${route}`, shape, headers: { 'content-type': 'application/json', accept }, body: JSON.stringify(body) }),
    lambdaContext(),
  );
const list = (query: Record<string, string>, shape: HeaderShape = 'single', accept = 'application/json') =>
  handlers.home(albEvent({ path: '/', query, shape, headers: { accept } }), lambdaContext());

/** The page with every element and attribute name taken out, leaving text: no payload may remain as markup. */
const markupOf = (page: string) => [...page.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => ({ tag: m[1]!.toLowerCase(), attributes: m[2]! }));

// The one script a page may hold is the service's own, exactly as the CSP hash allows it.
const OWN_SCRIPT = `<script>${SCRIPT_HTML.value}</script>`;
// The one link is the page's own icon, once, in the head.
const OWN_ICON = `<link rel="icon" href="${FAVICON_PATH}" type="image/svg+xml">`;

function expectInert(page: string) {
  expect(page.split(OWN_SCRIPT)).toHaveLength(2);
  expect(page.split(OWN_ICON)).toHaveLength(2);
  const markup = markupOf(page.replace(OWN_SCRIPT, '').replace(OWN_ICON, ''));
  const tags = new Set(markup.map((m) => m.tag));
  for (const tag of tags) expect(['html', 'head', 'meta', 'title', 'style', 'body', 'nav', 'a', 'main', 'h1', 'h2', 'p', 'form', 'label', 'input', 'select', 'option', 'button', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'time', 'span', 'pre', 'strong', 'div', 'ul', 'li', 'textarea', 'del', 'ins', 'u', 'section', 'code']).toContain(tag);
  // Quoted values are text (a quote inside one is escaped); what is left are attribute names.
  for (const { attributes } of markup) expect(attributes.replace(/"[^"]*"/g, '""')).not.toMatch(/\bon\w+\s*=|javascript:|srcdoc|'/i);
}

describe.each(SHAPES)('hostile text and ids, %s headers', (shape) => {
  it.each(HOSTILE_TEXTS.map((text, i) => [text, HOSTILE_IDS[i % HOSTILE_IDS.length]!]))('%j with id %j: byte for byte in JSON, inert in HTML', async (text, id) => {
    const created = await postJson('space', { text, id }, shape);
    expect(created.statusCode).toBe(201);
    expect(jsonBody(created)).toEqual(expect.objectContaining({ input: text, id }));

    const listed = jsonBody(await list({ format: 'json', id, limit: '1' }, shape)).records[0];
    expect({ input: listed.input, id: listed.id }).toEqual({ input: text, id });

    const resultPage = await postJson('spell', { text, id }, shape, BROWSER);
    expect(resultPage.statusCode).toBe(201);
    expectInert(resultPage.body!);
    expectInert((await list({ id }, shape, BROWSER)).body!);
  });

  it('a browser form post of hostile text and a literal % round-trips exactly', async () => {
    const text = `50% off & 100%25 <script>alert(1)</script> + "quotes" 'single' é😀\r\nline`;
    const id = `form <b onmouseover=alert(1)>`;
    const result = await handlers.space(
      albEvent({ method: 'POST', path: '/api/space', shape, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ text, id }).toString() }),
      lambdaContext(),
    );
    expect(jsonBody(result)).toEqual(expect.objectContaining({ input: text, id }));
    const curlStyle = await handlers.space(
      albEvent({ method: 'POST', path: '/api/space', shape, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=50% off, 100%' }),
      lambdaContext(),
    );
    expect(jsonBody(curlStyle).input).toBe('50% off, 100%');
  });
});

describe.each(SHAPES)('security headers on every kind of response, %s headers', (shape) => {
  const cases: Array<[string, () => Promise<ALBResult>]> = [
    ['the home page', () => list({}, shape, BROWSER)],
    ['the home page as JSON', () => list({ format: 'json' }, shape)],
    ['each form', async () => handlers.translate(albEvent({ path: '/api/translate', shape, headers: { accept: BROWSER } }), lambdaContext())],
    ['a result page', () => postJson('space', { text: 'a b' }, shape, BROWSER)],
    ['a created record as JSON', () => postJson('spell', { text: 'a b' }, shape)],
    ['an error page', () => list({ limit: '0' }, shape, BROWSER)],
    ['a 503 from translate', () => handlers.translate(albEvent({ method: 'POST', path: '/api/translate', shape, headers: { 'content-type': 'application/json' }, body: '{"text":"hola"}' }), lambdaContext())],
  ];
  it.each(cases)('%s', async (_name, send) => {
    const result = await send();
    expect(result.statusCode).toBeLessThan(600);
    expectSecurityHeaders((name) => responseHeader(result, name));
    expect(responseHeader(result, 'x-request-id')).toMatch(/^test-/);
  });
});

describe('logs', () => {
  it('carry the request id, route, method, status, sizes and time of every request, and never the text or id', async () => {
    const secret = 'Zq7-private-words-of-the-user';
    logLines.length = 0;
    const requests: Array<[string, () => Promise<ALBResult>]> = [
      ['/api/spell', () => postJson('spell', { text: `Teh ${secret}`, id: `${secret}-id` })],
      ['/api/space', () => postJson('space', { text: `${secret} `.repeat(300) })],
      ['/api/space', () => handlers.space(albEvent({ method: 'POST', path: '/api/space', headers: { 'content-type': 'application/json' }, body: `{"text":"${secret}` }), lambdaContext())],
      ['/api/translate', () => handlers.translate(albEvent({ method: 'POST', path: '/api/translate', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: secret, id: secret }) }), lambdaContext())],
      ['/', () => list({ id: secret, operation: 'spell' })],
    ];
    const ids: Array<string | undefined> = [];
    for (const [, send] of requests) ids.push(responseHeader(await send(), 'x-request-id'));

    expect(logLines.join('\n')).not.toContain(secret);
    const entries = logLines.map((line) => JSON.parse(line));
    const accessLines = entries.filter((e) => e.message === 'request');
    expect(accessLines.map((e) => e.route)).toEqual(requests.map(([route]) => route));
    // The id a user sees in X-Request-Id is the one to search the logs for.
    expect(accessLines.map((e) => e.requestId)).toEqual(ids);
    for (const entry of accessLines) {
      expect(entry).toEqual(
        expect.objectContaining({
          requestId: expect.stringMatching(/^test-/),
          method: expect.stringMatching(/^(GET|POST)$/),
          status: expect.any(Number),
          requestBytes: expect.any(Number),
          responseBytes: expect.any(Number),
          ms: expect.any(Number),
        }),
      );
    }
    // The 503 is logged as a failure too, with the same request id and still no text.
    const failure = entries.find((e) => e.message === 'request failed');
    expect(failure).toEqual(expect.objectContaining({ code: 'TRANSLATION_UNAVAILABLE', requestId: accessLines[3].requestId }));
  });

  it('count the bytes of the bodies as sent: UTF-8, and base64 decoded', async () => {
    const body = JSON.stringify({ text: 'Naïve cafés recieve “quotes” — ünïcödé' });
    for (const base64 of [false, true]) {
      logLines.length = 0;
      const result = await handlers.spell(albEvent({ method: 'POST', path: '/api/spell', headers: { 'content-type': 'application/json', accept: 'application/json' }, body, base64 }), lambdaContext());
      const entry = logLines.map((line) => JSON.parse(line)).find((e) => e.message === 'request');
      expect(entry.requestBytes).toBe(Buffer.byteLength(body, 'utf8'));
      expect(entry.responseBytes).toBe(Buffer.from(result.body ?? '', result.isBase64Encoded ? 'base64' : 'utf8').length);
    }
  });
});
