/**
 * The translation engine failing, answering nonsense, hanging or gone, seen through the real
 * translate handler with the real Google client against the loopback stand-in: the documented
 * status, no internals or key, and nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ALBResult } from 'aws-lambda';
import { googleError, startGoogleTranslateStub, type GoogleTranslateStub, type StubHandler } from '../fakes/google-translate-stub.ts';
import type { RecordStore } from '../../shared/db/record.ts';
import { DEADLINE_HEADROOM_MS } from '../../shared/http/middleware.ts';
import { jsonPostEvent, jsonBody, lambdaContext, responseHeader } from '../support/alb.ts';
import { expectedErrorBody, expectNoInternals, expectSecurityHeaders } from '../support/expectations.ts';
import { allRecords, loadService, type Handler } from '../support/service.ts';

const API_KEY = 'fault-test-key-9f2c';
let stub: GoogleTranslateStub;
let handler: Handler;
let store: RecordStore;
let stubOpen = true;

// The engine is chosen from the environment when the handler module loads.
beforeAll(async () => {
  stub = await startGoogleTranslateStub();
  Object.assign(process.env, {
    TRANSLATE_PROVIDER: 'google',
    GOOGLE_TRANSLATE_API_KEY: API_KEY,
    GOOGLE_CLOUD_TRANSLATE_ENDPOINT: stub.endpoint,
    // A short deadline, so the hanging engine is given up on quickly (yet ample for a loopback answer).
    TRANSLATE_TIMEOUT_MS: '1000',
  });
  const service = await loadService(['translate']);
  ({ store } = service);
  handler = service.handlers.translate;
});
afterAll(async () => {
  if (stubOpen) await stub.close();
});

const translate = (context = lambdaContext()) =>
  handler(
    jsonPostEvent('/api/translate', { text: 'hola mundo', id: 'fault' }),
    context,
  );
const stored = async () => (await allRecords(store)).length;

function expectError(result: ALBResult, status: number, code: string) {
  expect(result.statusCode).toBe(status);
  expect(jsonBody(result)).toEqual(expectedErrorBody(result, code));
  expect(result.body).not.toContain(API_KEY);
  expectNoInternals(result.body!);
  expectSecurityHeaders((name) => responseHeader(result, name));
}

describe('the engine answers, but not with a translation', () => {
  it.each<[string, number, string, StubHandler]>([
    ['a server error', 502, 'UPSTREAM_FAILED', () => googleError(500, 'Internal error encountered.', 'backendError')],
    ['unavailable', 502, 'UPSTREAM_FAILED', () => googleError(503, 'The service is currently unavailable.', 'backendError')],
    ['rate limited', 502, 'UPSTREAM_FAILED', () => googleError(429, 'User Rate Limit Exceeded', 'userRateLimitExceeded')],
    ['a rejected key', 502, 'UPSTREAM_FAILED', () => googleError(403, 'API key not valid. Please pass a valid API key.', 'forbidden')],
    ['a success with a non-string translation', 502, 'UPSTREAM_FAILED', () => ({ status: 200, json: { data: { translations: [{ translatedText: 42 }] } } })],
    ['a bad language pair', 422, 'UNSUPPORTED_LANGUAGE', () => googleError(400, 'Bad language pair: xx|en')],
    ['a 200 answer with no translations', 502, 'UPSTREAM_FAILED', () => ({ status: 200, json: {} })],
    ['the input back as its translation', 502, 'UPSTREAM_FAILED', (body) => ({ status: 200, json: { data: { translations: body.q.map((q: string) => ({ translatedText: q, detectedSourceLanguage: 'es' })) } } })],
    ['an answer in Cyrillic for Latin input', 502, 'UPSTREAM_FAILED', () => ({ status: 200, json: { data: { translations: [{ translatedText: 'хола мундо', detectedSourceLanguage: 'es' }] } } })],
  ])('%s → %i %s, nothing stored', async (_name, status, code, reply) => {
    const before = await stored();
    stub.respondWith(reply);
    const result = await translate();
    stub.respondWith();
    expectError(result, status, code);
    expect(await stored()).toBe(before);
  });
});

describe('the engine is slow or gone', () => {
  it('504 UPSTREAM_TIMEOUT when it never answers, nothing stored', async () => {
    const before = await stored();
    const received = stub.requests.length;
    stub.respondWith(() => 'hang');
    const result = await translate();
    stub.respondWith();
    expect(stub.requests.length).toBeGreaterThan(received);
    expectError(result, 504, 'UPSTREAM_TIMEOUT');
    expect(await stored()).toBe(before);
  });

  it("503 TRANSLATION_UNAVAILABLE with Retry-After when the request's deadline comes before the engine's timeout, nothing stored", async () => {
    const before = await stored();
    stub.respondWith(() => 'hang');
    // 1.5 s left in the invocation: the deadline, 0.5 s in, comes before the engine's 1 s timeout.
    const started = Date.now();
    const result = await translate(lambdaContext(1_500));
    const ms = Date.now() - started;
    stub.respondWith();
    expectError(result, 503, 'TRANSLATION_UNAVAILABLE');
    expect(responseHeader(result, 'retry-after')).toMatch(/^[1-9]\d*$/);
    expect(ms).toBeLessThan(1_000);
    expect(await stored()).toBe(before);
  });

  it('sends nothing to the engine once the deadline has passed', async () => {
    const received = stub.requests.length;
    const result = await translate(lambdaContext(DEADLINE_HEADROOM_MS));
    expectError(result, 503, 'TRANSLATION_UNAVAILABLE');
    expect(stub.requests.length).toBe(received);
  });

  it('502 UPSTREAM_FAILED when it cannot be reached, nothing stored', async () => {
    const before = await stored();
    await stub.close();
    stubOpen = false;
    expectError(await translate(), 502, 'UPSTREAM_FAILED');
    expect(await stored()).toBe(before);
  });
});
