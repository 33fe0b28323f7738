/** The real @google-cloud/translate v2 client against the loopback stub (test/fakes/google-translate-stub.ts). */
import { inspect } from 'node:util';
import { jest } from '@jest/globals';
import { AppError } from '../errors.ts';
import { googleError, LANGUAGES_PATH, startGoogleTranslateStub, STUB_PATH, useGoogleTranslateStub, type GoogleTranslateStub } from '../../test/fakes/google-translate-stub.ts';
import { appErrorFrom } from '../../test/support/expectations.ts';
import { createGoogleEngine } from './google-translator.ts';

const KEY = 'AIzaTestKey-do-not-leak_123';
const ENDPOINT_VAR = 'GOOGLE_CLOUD_TRANSLATE_ENDPOINT';
const stubNow = useGoogleTranslateStub();
let stub: GoogleTranslateStub;
beforeEach(() => {
  stub = stubNow();
});

/** The key must show up nowhere a log or a client could see it. */
function expectNoKey(err: AppError) {
  expect(err.message).not.toContain(KEY);
  expect(JSON.stringify(err.toJSON())).not.toContain(KEY);
  expect(inspect(err, { depth: 3 })).not.toContain(KEY);
  const cause = err.cause as Error;
  expect(cause).toBeDefined();
  expect(String(cause.message)).not.toContain(KEY);
  expect(String(cause.stack)).not.toContain(KEY);
}

/** One text through the engine, as the translation service sends a single segment. */
const translateOne = (engine: ReturnType<typeof createGoogleEngine>, text: string, source?: string) => engine.translateBatch([text], source);

describe('createGoogleEngine against the stub', () => {
  test('translates into English and reports the detected language', async () => {
    const engine = createGoogleEngine({ apiKey: KEY });
    expect(engine.provider).toBe('google');
    expect(engine.detectsSource).toBe(true);

    const result = await translateOne(engine, 'hola mundo');

    expect(result).toEqual({ texts: ['[en] hola mundo'], sourceLanguage: 'es' });
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]).toEqual({
      method: 'POST',
      path: STUB_PATH,
      key: KEY,
      body: { q: ['hola mundo'], target: 'en', format: 'text' },
    });
  });

  test('sourceLanguage comes from detectedSourceLanguage in the raw response', async () => {
    stub.respondWith(() => ({ status: 200, json: { data: { translations: [{ translatedText: 'good day', detectedSourceLanguage: 'de' }] } } }));
    const engine = createGoogleEngine({ apiKey: KEY });

    expect(await translateOne(engine, 'guten Tag')).toEqual({ texts: ['good day'], sourceLanguage: 'de' });
  });

  test('sourceLanguage is null when Google detects nothing', async () => {
    stub.respondWith(() => ({ status: 200, json: { data: { translations: [{ translatedText: '???' }] } } }));
    const engine = createGoogleEngine({ apiKey: KEY });

    expect((await translateOne(engine, '???')).sourceLanguage).toBeNull();
  });

  test('forwards an explicit source and reports it', async () => {
    const engine = createGoogleEngine({ apiKey: KEY });

    const result = await translateOne(engine, 'bonjour', 'fr');

    expect(result).toEqual({ texts: ['[en] bonjour'], sourceLanguage: 'fr' });
    expect(stub.requests[0]?.body).toEqual({ q: ['bonjour'], source: 'fr', target: 'en', format: 'text' });
  });

  test('sends markup-looking input as plain text', async () => {
    const engine = createGoogleEngine({ apiKey: KEY });

    await translateOne(engine, '<b>hola</b>');

    expect(stub.requests[0]?.body.format).toBe('text');
  });

  test('an error answer becomes UPSTREAM_FAILED naming Google and the status, without the key', async () => {
    stub.respondWith(() => googleError(403, 'API key not valid. Please pass a valid API key.', 'forbidden'));
    const engine = createGoogleEngine({ apiKey: KEY });

    const err = await appErrorFrom(translateOne(engine, 'hola'));

    expect(err.code).toBe('UPSTREAM_FAILED');
    expect(err.status).toBe(502);
    expect(err.message).toMatch(/Google/);
    expect(err.message).toMatch(/403/);
    expect((err.cause as { code?: unknown }).code).toBe(403);
    expectNoKey(err);
  });

  test('a 5xx is not retried by the client', async () => {
    stub.respondWith(() => googleError(503, 'Service unavailable', 'backendError'));
    const engine = createGoogleEngine({ apiKey: KEY });

    const err = await appErrorFrom(translateOne(engine, 'hola'));

    expect(err.code).toBe('UPSTREAM_FAILED');
    expect(err.message).toMatch(/503/);
    expect(stub.requests).toHaveLength(1);
  });

  test('a non-JSON error answer is still UPSTREAM_FAILED', async () => {
    stub.respondWith(() => ({ status: 502, json: 'Bad Gateway' }));
    const engine = createGoogleEngine({ apiKey: KEY });

    const err = await appErrorFrom(translateOne(engine, 'hola'));

    expect(err.code).toBe('UPSTREAM_FAILED');
    expect(err.message).toMatch(/502/);
    expectNoKey(err);
  });

  test('"Bad language pair" becomes UNSUPPORTED_LANGUAGE naming the language', async () => {
    stub.respondWith(() => googleError(400, 'Bad language pair: xx|en'));
    const engine = createGoogleEngine({ apiKey: KEY });

    const err = await appErrorFrom(translateOne(engine, 'hola', 'xx'));

    expect(err.code).toBe('UNSUPPORTED_LANGUAGE');
    expect(err.status).toBe(422);
    expect(err.message).toContain('"xx"');
    expectNoKey(err);
  });

  test('"Invalid Value" for a given source becomes UNSUPPORTED_LANGUAGE', async () => {
    stub.respondWith(() => googleError(400, 'Invalid Value', 'invalid'));
    const engine = createGoogleEngine({ apiKey: KEY });

    const err = await appErrorFrom(translateOne(engine, 'hola', 'qq'));

    expect(err.code).toBe('UNSUPPORTED_LANGUAGE');
    expect(err.message).toContain('"qq"');
  });

  test('other 400s stay UPSTREAM_FAILED', async () => {
    stub.respondWith(() => googleError(400, 'Invalid Value', 'invalid'));
    const engine = createGoogleEngine({ apiKey: KEY });

    const err = await appErrorFrom(translateOne(engine, 'hola'));

    expect(err.code).toBe('UPSTREAM_FAILED');
    expect(err.message).toMatch(/400/);
  });

  test('no answer within timeoutMs becomes UPSTREAM_TIMEOUT', async () => {
    stub.respondWith(() => 'hang');
    const engine = createGoogleEngine({ apiKey: KEY, timeoutMs: 200 });

    const started = Date.now();
    const err = await appErrorFrom(translateOne(engine, 'hola'));
    const elapsed = Date.now() - started;

    expect(err.code).toBe('UPSTREAM_TIMEOUT');
    expect(err.status).toBe(504);
    expect(err.message).toMatch(/200 ms/);
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(2000);
    expect(stub.requests).toHaveLength(1);
  });

  test("the request's deadline, when it comes before timeoutMs, ends the call with 503 and Retry-After", async () => {
    stub.respondWith(() => 'hang');
    const deadline = Date.now() + 150;
    const engine = createGoogleEngine({ apiKey: KEY, timeoutMs: 5_000, deadline: () => deadline });

    const err = await appErrorFrom(translateOne(engine, 'hola'));

    expect(Date.now() - deadline).toBeLessThan(50);
    expect(err).toMatchObject({ code: 'TRANSLATION_UNAVAILABLE', status: 503, headers: { 'Retry-After': expect.stringMatching(/^[1-9]\d*$/) } });
    expect(stub.requests).toHaveLength(1);
  });

  test('a server that is down becomes UPSTREAM_FAILED, without the key', async () => {
    const gone = await startGoogleTranslateStub();
    await gone.close();
    process.env[ENDPOINT_VAR] = gone.endpoint;
    let engine;
    try {
      engine = createGoogleEngine({ apiKey: KEY });
    } finally {
      process.env[ENDPOINT_VAR] = stub.endpoint;
    }

    const err = await appErrorFrom(translateOne(engine, 'hola'));

    expect(err.code).toBe('UPSTREAM_FAILED');
    expect(err.message).toMatch(/Google/);
    expect(err.message).toMatch(/ECONNREFUSED/);
    expect((err.cause as { code?: unknown }).code).toBe('ECONNREFUSED');
    expectNoKey(err);
  });

  test('sends several segments as one request and returns them in order', async () => {
    const engine = createGoogleEngine({ apiKey: KEY });

    const result = await engine.translateBatch(['uno.', 'dos.', 'tres.'], undefined);

    expect(result).toEqual({ texts: ['[en] uno.', '[en] dos.', '[en] tres.'], sourceLanguage: 'es' });
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]?.body.q).toEqual(['uno.', 'dos.', 'tres.']);
  });

  test('an answer missing a segment is UPSTREAM_FAILED', async () => {
    stub.respondWith(() => ({ status: 200, json: { data: { translations: [{ translatedText: 'one' }] } } }));
    const engine = createGoogleEngine({ apiKey: KEY });

    const err = await appErrorFrom(engine.translateBatch(['uno', 'dos'], 'es'));

    expect(err.code).toBe('UPSTREAM_FAILED');
  });

  test.each([{}, { data: {} }, { data: { translations: null } }, { data: { translations: [null] } }])(
    'a 200 answer without translations (%j) is UPSTREAM_FAILED, not a crash',
    async (json) => {
      stub.respondWith(() => ({ status: 200, json }));
      const engine = createGoogleEngine({ apiKey: KEY });

      const err = await appErrorFrom(engine.translateBatch(['uno'], 'es'));

      expect(err.code).toBe('UPSTREAM_FAILED');
    },
  );

  test.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['mni-Mtei', 'mni-Mtei'],
    ['iw', 'he'],
    ['jw', 'jv'],
    ['haw', 'haw'],
  ])('reports Google\'s detected %s as %s', async (google, reported) => {
    stub.respondWith(() => ({ status: 200, json: { data: { translations: [{ translatedText: 'x', detectedSourceLanguage: google }] } } }));
    const engine = createGoogleEngine({ apiKey: KEY });

    expect((await translateOne(engine, 'x')).sourceLanguage).toBe(reported);
  });

  test('a key given as a function is fetched when translating, and its failure passes through untouched', async () => {
    const fetchKey = jest.fn(async () => KEY);
    const engine = createGoogleEngine({ apiKey: fetchKey });
    expect(fetchKey).not.toHaveBeenCalled();

    await translateOne(engine, 'hola');
    await translateOne(engine, 'adiós');

    expect(stub.requests.map((r) => r.key)).toEqual([KEY, KEY]);
    // The engine asks every time; keeping the key once per container is the fetcher's job (secret-api-key.ts).
    expect(fetchKey).toHaveBeenCalledTimes(2);
    const unavailable = new AppError('TRANSLATION_UNAVAILABLE', 'no key');
    const failing = createGoogleEngine({ apiKey: () => Promise.reject(unavailable) });
    expect(await appErrorFrom(translateOne(failing, 'hola'))).toBe(unavailable);
    expect(stub.requests).toHaveLength(2);
  });

  test('lists Google\'s languages from its languages endpoint, once per engine, English left out', async () => {
    const engine = createGoogleEngine({ apiKey: KEY });
    const languages = await engine.languages();
    expect(languages).toContainEqual({ code: 'zh-TW', name: 'Chinese (Traditional)' });
    expect(languages).toContainEqual({ code: 'ceb', name: 'Cebuano' });
    expect(languages.map((l) => l.code)).not.toContain('en');
    await engine.languages();
    expect(stub.requests.filter((r) => r.path === LANGUAGES_PATH)).toEqual([expect.objectContaining({ method: 'GET', key: KEY, body: { key: KEY, target: 'en' } })]);
  });

  test('a failed language list is UPSTREAM_FAILED and read again next time', async () => {
    const engine = createGoogleEngine({ apiKey: KEY });
    const down = await startGoogleTranslateStub();
    await down.close();
    process.env[ENDPOINT_VAR] = down.endpoint;
    const gone = createGoogleEngine({ apiKey: KEY });
    process.env[ENDPOINT_VAR] = stub.endpoint;
    expect((await appErrorFrom(gone.languages())).code).toBe('UPSTREAM_FAILED');
    expect((await engine.languages()).length).toBeGreaterThan(0);
  });

  test('passes BCP-47 and three-letter sources through; one Google does not list is UNSUPPORTED_LANGUAGE', async () => {
    const engine = createGoogleEngine({ apiKey: KEY });
    for (const source of ['zh-TW', 'mni-Mtei', 'ceb']) {
      expect((await translateOne(engine, 'x', source)).sourceLanguage).toBe(source);
      expect(stub.requests.at(-1)!.body.source).toBe(source);
    }
    const err = await appErrorFrom(translateOne(engine, 'x', 'xx-Zzzz'));
    expect(err.code).toBe('UNSUPPORTED_LANGUAGE');
    expect(err.message).toMatch(/"xx-Zzzz"/);
  });

  test('rejects a missing key or a non-positive timeout at construction', () => {
    expect(() => createGoogleEngine({ apiKey: '' })).toThrow(/apiKey/);
    expect(() => createGoogleEngine({ apiKey: KEY, timeoutMs: 0 })).toThrow(/timeoutMs/);
  });
});
