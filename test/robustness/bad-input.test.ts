/**
 * The error table (`ErrorCode` in docs/openapi.yaml) and more, against the real handlers of every
 * route, in both ALB header shapes and for both JSON and HTML clients: each bad request gets its
 * documented status and code, no internals, the security headers, and stores nothing.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { ALBEvent } from 'aws-lambda';
import { handler as homeHandler } from '../../functions/home/handler.ts';
import { handler as space } from '../../functions/space/handler.ts';
import { handler as spell } from '../../functions/spell/handler.ts';
import { handler as translate } from '../../functions/translate/handler.ts';
import type { RecordStore } from '../../shared/db/record.ts';
import { getStore } from '../../shared/runtime.ts';
import { albEvent, jsonBody, lambdaContext, responseHeader, SHAPES, type EventOptions } from '../support/alb.ts';
import { BAD_OPERATION_REQUESTS, type BadRequest } from '../support/bad-requests.ts';
import { withContract } from '../support/contract.ts';
import { expectedErrorBody, expectNoInternals, expectSecurityHeaders } from '../support/expectations.ts';
import { allRecords, type Handler } from '../support/service.ts';

const JSON_TYPE = { 'content-type': 'application/json' };
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' };
const json = (value: unknown): EventOptions => ({ headers: JSON_TYPE, body: JSON.stringify(value) });

/** Beyond the shared table: every JSON shape, encoding, size and field mistake we could think of. */
const MORE_BAD_POSTS: BadRequest[] = [
  ['a JSON string', { headers: JSON_TYPE, body: '"text"' }, 400, 'VALIDATION_FAILED'],
  ['JSON true', { headers: JSON_TYPE, body: 'true' }, 400, 'VALIDATION_FAILED'],
  ['JSON with trailing garbage', { headers: JSON_TYPE, body: '{"text":"a"} x' }, 400, 'INVALID_JSON'],
  ['a deeply nested JSON array', { headers: JSON_TYPE, body: '['.repeat(50_000) + ']'.repeat(50_000) }, 400, 'VALIDATION_FAILED'],
  ['text only under __proto__', { headers: JSON_TYPE, body: '{"__proto__":{"text":"a"}}' }, 400, 'VALIDATION_FAILED'],
  ['a duplicate key whose last value is blank', { headers: JSON_TYPE, body: '{"text":"a","text":""}' }, 400, 'VALIDATION_FAILED'],
  ['text null', json({ text: null }), 400, 'VALIDATION_FAILED'],
  ['text empty', json({ text: '' }), 400, 'VALIDATION_FAILED'],
  ['text as an array', json({ text: ['a'] }), 400, 'VALIDATION_FAILED'],
  ['text as an object', json({ text: { value: 'a' } }), 400, 'VALIDATION_FAILED'],
  ['text of only no-break and ideographic spaces', json({ text: '\u00a0\u3000\u2028' }), 400, 'VALIDATION_FAILED'],
  ['text with a lone surrogate', { headers: JSON_TYPE, body: '{"text":"a\\ud800b"}' }, 400, 'VALIDATION_FAILED'],
  ['10,001 emoji (the limit counts characters, not UTF-16 units)', json({ text: '😀'.repeat(10_001) }), 413, 'TEXT_TOO_LONG'],
  ['a form with text over the limit', { headers: FORM_TYPE, body: `text=${'z'.repeat(10_001)}` }, 413, 'TEXT_TOO_LONG'],
  ['a body over 256 KiB of whitespace around short text', { headers: JSON_TYPE, body: `{"text":"a"${' '.repeat(256 * 1024)}}` }, 413, 'BODY_TOO_LARGE'],
  ['a form body over 256 KiB', { headers: FORM_TYPE, body: `text=${'f'.repeat(257 * 1024)}` }, 413, 'BODY_TOO_LARGE'],
  ['text/html', { headers: { 'content-type': 'text/html' }, body: '<p>a</p>' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['multipart/form-data', { headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\n\r\na\r\n--x--' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['application/xml', { headers: { 'content-type': 'application/xml' }, body: '<text>a</text>' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['a look-alike of JSON', { headers: { 'content-type': 'application/jsonx' }, body: '{"text":"a"}' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['an empty content type', { headers: { 'content-type': '' }, body: '{"text":"a"}' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['charset=utf-16', { headers: { 'content-type': 'application/json; charset=utf-16' }, body: Buffer.from('{"text":"a"}', 'utf16le') }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['a form in latin-1', { headers: { 'content-type': 'application/x-www-form-urlencoded; charset=ISO-8859-1' }, body: 'text=caf%E9' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['an overlong UTF-8 encoding', { headers: JSON_TYPE, body: Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]) }, 400, 'VALIDATION_FAILED'],
  ['invalid UTF-8 in a form', { headers: FORM_TYPE, body: Buffer.concat([Buffer.from('text=caf'), Buffer.from([0xe9])]) }, 400, 'VALIDATION_FAILED'],
  ['invalid UTF-8 percent-encoded in a form', { headers: FORM_TYPE, body: 'text=caf%E9' }, 400, 'VALIDATION_FAILED'],
  ['a base64 body that is not JSON', { headers: JSON_TYPE, body: '{"text":', base64: true }, 400, 'INVALID_JSON'],
  ['a base64 body with invalid UTF-8', { headers: JSON_TYPE, body: Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]) }, 400, 'VALIDATION_FAILED'],
  ['a base64 form with a blank text', { headers: FORM_TYPE, body: 'text=+++&id=x', base64: true }, 400, 'VALIDATION_FAILED'],
  ['an id of 65 emoji', json({ text: 'a', id: '😀'.repeat(65) }), 400, 'VALIDATION_FAILED'],
  ['an id with a newline', json({ text: 'a', id: 'a\nb' }), 400, 'VALIDATION_FAILED'],
  ['an id with a tab', json({ text: 'a', id: 'a\tb' }), 400, 'VALIDATION_FAILED'],
  ['an id with DEL', json({ text: 'a', id: 'a\u007fb' }), 400, 'VALIDATION_FAILED'],
  ['an id with NUL', json({ text: 'a', id: 'a\u0000b' }), 400, 'VALIDATION_FAILED'],
  ['an id with a right-to-left override', json({ text: 'a', id: 'abc\u202edcba' }), 400, 'VALIDATION_FAILED'],
  ['an id with a lone surrogate', { headers: JSON_TYPE, body: '{"text":"a","id":"x\\udc00"}' }, 400, 'VALIDATION_FAILED'],
  ['an id as an object', json({ text: 'a', id: { $ne: null } }), 400, 'VALIDATION_FAILED'],
  ['an id as a boolean', json({ text: 'a', id: true }), 400, 'VALIDATION_FAILED'],
  ['a form id with a control character', { headers: FORM_TYPE, body: 'text=a&id=a%01b' }, 400, 'VALIDATION_FAILED'],
];

const BAD_SOURCES: BadRequest[] = [
  ['a source name instead of a code', json({ text: 'hola', source: 'spanish' }), 400, 'VALIDATION_FAILED'],
  ['a one-letter source', json({ text: 'hola', source: 'e' }), 400, 'VALIDATION_FAILED'],
  ['a source with a malformed region', json({ text: 'hola', source: 'es-ESP' }), 400, 'VALIDATION_FAILED'],
  ['a target other than English', json({ text: 'hola', target: 'fr' }), 400, 'VALIDATION_FAILED'],
  ['a source with a digit', json({ text: 'hola', source: 'e1' }), 400, 'VALIDATION_FAILED'],
  ['a numeric source', json({ text: 'hola', source: 12 }), 400, 'VALIDATION_FAILED'],
  ['a source as an array', json({ text: 'hola', source: ['es'] }), 400, 'VALIDATION_FAILED'],
  ['a form source with SQL', { headers: FORM_TYPE, body: "text=hola&source=es'%20OR%201=1" }, 400, 'VALIDATION_FAILED'],
];

const cursor = (raw: string) => Buffer.from(raw).toString('base64url');

const BAD_LIST_QUERIES: Array<Record<string, string>> = [
  { limit: '0' },
  { limit: '-1' },
  { limit: '201' },
  { limit: '99999999999999999999' },
  { limit: 'ten' },
  { limit: '1e2' },
  { limit: '5.0' },
  { limit: ' 5' },
  { operation: 'shout' },
  { operation: 'SPELL' },
  { operation: '__proto__' },
  { operation: "spell' OR '1'='1" },
  { cursor: 'not a cursor!' },
  { cursor: cursor('v1:-5') },
  { cursor: cursor('v1:0') },
  { cursor: cursor('v1:abc') },
  { cursor: cursor('v2:5') },
  { cursor: cursor('v1:5 OR 1=1') },
  { cursor: cursor('v1:99999999999999999') },
  { cursor: cursor('v1:9007199254740993') },
  { id: 'x'.repeat(65) },
  { id: 'a\u0000b' },
  { id: 'a\u001bb' },
  { format: 'xml' },
  { seq: '0' },
  { seq: '-3' },
  { seq: '1 OR 1=1' },
  { seq: '9007199254740993' },
  { seq: '1', format: 'xml' },
];

// Every answer is checked against docs/openapi.yaml as well.
const OPERATIONS: Array<[string, Handler]> = [
  ['spell', withContract(spell)],
  ['space', withContract(space)],
  ['translate', withContract(translate)],
];
const home = withContract(homeHandler);

let store: RecordStore;
const countRecords = async () => (await allRecords(store)).length;

beforeAll(async () => {
  store = await getStore();
  await store.migrate();
  // A few records, so a bad request that wrongly stored or listed something would show.
  await store.save({ id: 'seed', operation: 'spell', input: 'seed text', output: 'seed text', sourceLanguage: null });
  await store.save({ id: 'seed', operation: 'space', input: 'seed text', output: 'seed text', sourceLanguage: null });
});

/** Sends the request as a JSON client and as a browser, checking both answers and the store. */
async function expectRejected(handler: Handler, event: (accept: string) => ALBEvent, status: number, code: string, allow?: string) {
  for (const accept of ['application/json', 'text/html,application/xhtml+xml,*/*;q=0.8']) {
    const before = await countRecords();
    const result = await handler(event(accept), lambdaContext());
    expect({ accept, status: result.statusCode }).toEqual({ accept, status });
    expectSecurityHeaders((name) => responseHeader(result, name));
    expectNoInternals(result.body ?? '');
    expect(responseHeader(result, 'x-request-id')).toMatch(/^test-/);
    if (accept === 'application/json') {
      expect(responseHeader(result, 'content-type')).toBe('application/json; charset=utf-8');
      expect(jsonBody(result)).toEqual(expectedErrorBody(result, code));
    } else {
      expect(responseHeader(result, 'content-type')).toBe('text/html; charset=utf-8');
      expect(result.body).toContain(`<strong>${code}</strong>`);
    }
    if (allow !== undefined) expect(responseHeader(result, 'allow')).toBe(allow);
    expect(await countRecords()).toBe(before);
  }
}

describe.each(SHAPES)('%s headers', (shape) => {
  describe.each(OPERATIONS)('POST /api/%s', (operation, handler) => {
    const rows = [...BAD_OPERATION_REQUESTS, ...MORE_BAD_POSTS, ...(operation === 'translate' ? BAD_SOURCES : [])];
    it.each(rows.map(([name, options, status, code]) => ({ name, options, status, code })))('$name → $status $code', async ({ options, status, code }) => {
      await expectRejected(
        handler,
        (accept) => albEvent({ method: 'POST', path: `/api/${operation}`, shape, ...options, headers: { accept, ...options.headers } }),
        status,
        code,
      );
    });

    it.each(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'])('%s → 405 with Allow', async (method) => {
      await expectRejected(
        handler,
        (accept) => albEvent({ method, path: `/api/${operation}`, shape, ...json({ text: 'a' }), headers: { accept, ...JSON_TYPE } }),
        405,
        'METHOD_NOT_ALLOWED',
        'GET, POST',
      );
    });
  });

  describe('GET /', () => {
    it.each(BAD_LIST_QUERIES)('%j → 400 VALIDATION_FAILED', async (query) => {
      await expectRejected(home, (accept) => albEvent({ path: '/', shape, query, headers: { accept } }), 400, 'VALIDATION_FAILED');
    });

    it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s → 405 with Allow', async (method) => {
      await expectRejected(
        home,
        (accept) => albEvent({ method, path: '/', shape, ...json({ text: 'a' }), headers: { accept, ...JSON_TYPE } }),
        405,
        'METHOD_NOT_ALLOWED',
        'GET',
      );
    });
  });
});
