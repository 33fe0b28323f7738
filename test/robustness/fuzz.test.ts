/**
 * Property tests (fast-check) over the HTTP edge and the three text operations, through the real
 * handlers: whatever arrives, no handler throws or answers 500; every answer has a documented
 * status, the security headers and a well-formed body; and text that is accepted is stored exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ALBResult } from 'aws-lambda';
import fc from 'fast-check';
import { startGoogleTranslateStub, type GoogleTranslateStub } from '../fakes/google-translate-stub.ts';
import type { RecordStore } from '../../shared/db/record.ts';
import { OPERATIONS } from '../../shared/operations/index.ts';
import { albEvent, jsonBody, lambdaContext, responseHeader, type EventOptions } from '../support/alb.ts';
import { expectedErrorBody, expectNoInternals, expectSecurityHeaders } from '../support/expectations.ts';
import { HOSTILE_IDS, HOSTILE_TEXTS } from '../support/hostile-strings.ts';
import { loadService, type Handler, type RouteName } from '../support/service.ts';

let handlers: Record<RouteName, Handler>;
let store: RecordStore;
let google: GoogleTranslateStub;

// translate through the Google stand-in (chosen from the environment when its module loads).
beforeAll(async () => {
  google = await startGoogleTranslateStub();
  Object.assign(process.env, { TRANSLATE_PROVIDER: 'google', GOOGLE_TRANSLATE_API_KEY: 'fuzz-key', GOOGLE_CLOUD_TRANSLATE_ENDPOINT: google.endpoint });
  ({ handlers, store } = await loadService(['home', ...OPERATIONS]));
});
afterAll(async () => {
  await google.close();
});

// Documented answers: GET pages, created, and the client-error rows of the error table (`ErrorCode` in docs/openapi.yaml).
const DOCUMENTED = new Set([200, 201, 400, 405, 413, 415, 422]);

/** `untranslated`: translate may also refuse an answer still in the input's script (502 UPSTREAM_FAILED, nothing stored). */
/** `head`: the request was HEAD, answered with GET's status and headers and no body. */
async function expectWellFormed(result: ALBResult, untranslated = false, head = false) {
  if (untranslated && result.statusCode === 502) expect(jsonBody(result).error.code).toBe('UPSTREAM_FAILED');
  else expect(DOCUMENTED).toContain(result.statusCode);
  expectSecurityHeaders((name) => responseHeader(result, name));
  const type = responseHeader(result, 'content-type');
  if (head) {
    expect(type).toMatch(/^(application\/json|text\/html); charset=utf-8$/);
    expect(result.body ?? '').toBe('');
  }
  else if (type?.startsWith('application/json')) {
    const body = jsonBody(result);
    if (result.statusCode >= 400) expect(body).toEqual(expectedErrorBody(result, expect.any(String)));
  } else {
    expect(type).toBe('text/html; charset=utf-8');
    expect(result.body).toMatch(/^<!doctype html>/);
  }
  if (result.statusCode >= 400) expectNoInternals(result.body!);
}

// Strings of any code units, lone surrogates included, with the characters that matter to parsers mixed in.
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(...'{}[]":,\\%&=+<>\'; \n\r\t\u0000\u00e9😀\ud800'), maxLength: 40 }),
  fc.constantFrom(...HOSTILE_TEXTS, ...HOSTILE_IDS),
);
const fields = fc.record(
  { text: fc.oneof(anyText, fc.jsonValue()), id: fc.oneof(anyText, fc.jsonValue()), source: fc.oneof(fc.constantFrom('auto', 'es', 'FR', 'xx', ''), anyText) },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fields.map((f) => JSON.stringify(f)),
  fields.map((f) => new URLSearchParams(Object.entries(f).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString()),
  fc.json(),
  anyText,
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
);
const contentType = fc.oneof(
  fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/x-www-form-urlencoded', 'application/problem+json', 'text/plain', 'application/json; charset=latin1', ''),
  fc.string({ maxLength: 30 }),
);
const accept = fc.oneof(fc.constantFrom('application/json', 'text/html', '*/*', 'text/html;q=0.1, application/json;q=abc', ''), fc.string({ maxLength: 30 }));
// Query strings arrive still percent-encoded, possibly badly: %FF, %zz, a lone %.
const queryKey = fc.oneof(fc.constantFrom('limit', 'cursor', 'id', 'operation', 'format'), fc.string({ maxLength: 8 }));
const rawQueryValue = fc.string({ unit: fc.constantFrom(...'%FFzz09+-_ &=éx'), maxLength: 12 });
const wellFormedText = fc.string({ unit: 'grapheme', maxLength: 40 });

const event = (path: string): fc.Arbitrary<EventOptions> =>
  fc.record({
    method: fc.oneof(fc.constantFrom('GET', 'POST', 'POST', 'PUT', 'HEAD', 'OPTIONS', 'post'), fc.string({ maxLength: 8 })),
    path: fc.constant(path),
    headers: fc.record({ 'content-type': contentType, accept }, { requiredKeys: [] }),
    query: fc.dictionary(queryKey, fc.oneof(wellFormedText, fc.constantFrom('0', '1', '200', '201', 'spell', 'json', 'html', 'djE6Mg'))),
    rawQuery: fc.dictionary(queryKey, rawQueryValue, { maxKeys: 2 }),
    body: fc.option(body, { nil: undefined }),
    base64: fc.boolean(),
    shape: fc.constantFrom('single' as const, 'multi' as const),
  });

describe('the HTTP edge', () => {
  const routes: Array<[string, keyof typeof handlers]> = [['/', 'home'], ...OPERATIONS.map((op): [string, typeof op] => [`/api/${op}`, op])];
  it.each(routes)('%s answers any request with a documented status, never 500', async (path, name) => {
    await fc.assert(
      fc.asyncProperty(event(path), async (options) => {
        await expectWellFormed(await handlers[name](albEvent(options), lambdaContext()), false, options.method?.toUpperCase() === 'HEAD');
      }),
      { numRuns: 150 },
    );
  });
});

describe('the three text operations', () => {
  it.each(OPERATIONS)('%s: any text is either refused with a documented status or stored exactly as sent', async (operation) => {
    await fc.assert(
      fc.asyncProperty(anyText, fc.option(anyText, { nil: undefined }), fc.boolean(), async (text, id, asForm) => {
        const form = new URLSearchParams({ text, ...(id !== undefined && { id }) }).toString();
        const result = await handlers[operation](
          albEvent({
            method: 'POST',
            path: `/api/${operation}`,
            headers: { 'content-type': asForm ? 'application/x-www-form-urlencoded' : 'application/json' },
            body: asForm ? form : JSON.stringify({ text, id }),
          }),
          lambdaContext(),
        );
        // The Google stand-in answers "[en] " + the text: text in another script comes back untranslated.
        await expectWellFormed(result, operation === 'translate');
        if (result.statusCode !== 201) return;
        const created = jsonBody(result);
        // A form cannot carry a lone surrogate (encoding made it U+FFFD); URLSearchParams is the reference decoder.
        const sent = asForm ? new URLSearchParams(form).get('text') : text;
        expect(created.input).toBe(sent);
        expect(await store.get(created.seq)).toEqual(expect.objectContaining({ seq: created.seq, input: sent, output: created.output, id: created.id }));
      }),
      { numRuns: 60 },
    );
  });
});
