import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { ALBEvent, ALBResult, Context } from 'aws-lambda';
import { googleError, startGoogleTranslateStub, type GoogleTranslateStub } from '../../test/fakes/google-translate-stub.ts';
import { albEvent, jsonPostEvent, jsonBody, lambdaContext } from '../../test/support/alb.ts';
import type { RecordStore } from '../../shared/db/record.ts';
import { withContract } from '../../test/support/contract.ts';

let stub: GoogleTranslateStub;
let handler: (event: ALBEvent, context: Context) => Promise<ALBResult>;
let store: RecordStore;

// The translator is chosen at import from the environment, so the handler is imported after it is set.
beforeAll(async () => {
  stub = await startGoogleTranslateStub();
  process.env.GOOGLE_CLOUD_TRANSLATE_ENDPOINT = stub.endpoint;
  process.env.GOOGLE_TRANSLATE_API_KEY = 'test-key';
  process.env.TRANSLATE_TIMEOUT_MS = '300';
  // Every answer is checked against docs/openapi.yaml too.
  handler = withContract((await import('./handler.ts')).handler);
  store = await (await import('../../shared/runtime.ts')).getStore();
  await store.migrate();
});

afterAll(async () => {
  delete process.env.GOOGLE_CLOUD_TRANSLATE_ENDPOINT;
  delete process.env.GOOGLE_TRANSLATE_API_KEY;
  delete process.env.TRANSLATE_TIMEOUT_MS;
  await stub.close();
});

const recordCount = async () => (await store.list({ limit: 200 })).records.length;

const post = (body: unknown) =>
  handler(jsonPostEvent('/api/translate', body), lambdaContext());

it('translates through Google, answers 201 with the detected language and provider, and stores the record', async () => {
  const result = await post({ text: 'hola mundo', id: 'g-1' });
  expect(result.statusCode).toBe(201);
  const body = jsonBody(result);
  expect(body).toEqual(expect.objectContaining({ id: 'g-1', operation: 'translate', input: 'hola mundo', sourceLanguage: 'es', provider: 'google' }));
  expect(body.output).toContain('hola mundo');
  expect(stub.requests.at(-1)!.key).toBe('test-key');
  expect(await store.get(body.seq)).toEqual({ seq: body.seq, id: 'g-1', operation: 'translate', input: 'hola mundo', output: body.output, sourceLanguage: 'es', createdAt: body.createdAt, details: { provider: 'google', detection: { language: 'es', confidence: null } }, summary: 'by google, language detected' });
});

it('forwards a given source language', async () => {
  const result = await post({ text: 'bonjour', source: 'FR' });
  expect(jsonBody(result).sourceLanguage).toBe('fr');
  expect(stub.requests.at(-1)!.body.source).toBe('fr');
});

it.each(['zh-TW', 'mni-Mtei', 'ceb'])('passes the source %s to Google as it accepts it, and keeps it', async (source) => {
  const result = await post({ text: `texto de prueba ${source}`, source: source.toLowerCase() });
  expect(result.statusCode).toBe(201);
  expect(jsonBody(result).sourceLanguage).toBe(source);
  expect(stub.requests.at(-1)!.body.source).toBe(source);
});

it('answers 502 when Google\'s answer is still in the source\'s script, and stores nothing', async () => {
  const before = await recordCount();
  const result = await post({ text: '你好世界', source: 'zh-TW' });
  expect(result.statusCode).toBe(502);
  expect(jsonBody(result).error).toEqual({ code: 'UPSTREAM_FAILED', message: expect.stringMatching(/Han \(Chinese\) script/), requestId: expect.any(String) });
  expect(await recordCount()).toBe(before);
});

it('answers 502 when Google returns the text as it was, and stores nothing', async () => {
  const before = await recordCount();
  stub.respondWith((body) => ({ status: 200, json: { data: { translations: body.q.map((q: string) => ({ translatedText: q, detectedSourceLanguage: 'es' })) } } }));
  const result = await post({ text: 'Esto no se traduce' });
  stub.respondWith();
  expect(result.statusCode).toBe(502);
  expect(jsonBody(result).error.message).toMatch(/untranslated/);
  expect(await recordCount()).toBe(before);
});

it('answers 422 UNSUPPORTED_LANGUAGE for a well-formed code Google does not know, and stores nothing', async () => {
  const before = await recordCount();
  const result = await post({ text: 'hola', source: 'qq' });
  expect(result.statusCode).toBe(422);
  expect(jsonBody(result).error.code).toBe('UNSUPPORTED_LANGUAGE');
  expect(await recordCount()).toBe(before);
});

it('keeps Google\'s detected code (zh-CN) in the response, the detection and the record', async () => {
  stub.respondWith(() => ({ status: 200, json: { data: { translations: [{ translatedText: 'Hello world', detectedSourceLanguage: 'zh-CN' }] } } }));
  const result = await post({ text: '你好，世界' });
  expect(result.statusCode).toBe(201);
  const body = jsonBody(result);
  expect(body).toEqual(expect.objectContaining({ sourceLanguage: 'zh-CN', detection: { language: 'zh-CN', confidence: null }, provider: 'google' }));
  const stored = await store.get(body.seq);
  expect(stored!.sourceLanguage).toBe('zh-CN');
});

it('refuses a target other than English with 400 VALIDATION_FAILED, without calling Google', async () => {
  const calls = stub.requests.length;
  const result = await post({ text: 'hola', target: 'fr' });
  expect(result.statusCode).toBe(400);
  expect(jsonBody(result).error.message).toMatch(/English only/);
  expect(stub.requests.length).toBe(calls);
  expect((await post({ text: 'hola, ¿qué tal?', target: 'en' })).statusCode).toBe(201);
});

it('lists Google\'s languages on GET, read from its languages endpoint once per container', async () => {
  const get = () => handler(albEvent({ path: '/api/translate', headers: { accept: 'application/json' } }), lambdaContext());
  const { languages } = jsonBody(await get());
  expect(languages).toContainEqual({ code: 'zh-TW', name: 'Chinese (Traditional)' });
  expect(languages).toContainEqual({ code: 'mni-Mtei', name: 'Meiteilon (Manipuri)' });
  await get();
  expect(stub.requests.filter((r) => r.path.endsWith('/languages'))).toHaveLength(1);
  const page = await handler(albEvent({ path: '/api/translate', headers: { accept: 'text/html' } }), lambdaContext());
  expect(page.body).toContain('<option value="zh-TW">Chinese (Traditional) (zh-TW)</option>');
});

it('maps an engine error to 502 UPSTREAM_FAILED and stores nothing', async () => {
  const before = (await store.list({ limit: 200 })).records.length;
  stub.respondWith(() => googleError(500, 'backend error', 'backendError'));
  const result = await post({ text: 'hola' });
  stub.respondWith();
  expect(result.statusCode).toBe(502);
  expect(jsonBody(result).error.code).toBe('UPSTREAM_FAILED');
  expect(result.body).not.toContain('test-key');
  expect((await store.list({ limit: 200 })).records.length).toBe(before);
});

it('serves a repeated translation from the cache without calling Google, and still stores a record for each request', async () => {
  const text = 'el gato duerme en el sofá';
  const first = jsonBody(await post({ text }));
  const calls = stub.requests.length;
  const before = await recordCount();

  const again = await post({ text, id: 'again' });

  expect(again.statusCode).toBe(201);
  expect(jsonBody(again)).toEqual(expect.objectContaining({ output: first.output, sourceLanguage: 'es', provider: 'google', id: 'again' }));
  expect(stub.requests.length).toBe(calls);
  expect(await recordCount()).toBe(before + 1);
});

it('returns English as is without calling Google, stores it, and names no provider', async () => {
  const calls = stub.requests.length;
  const text = 'The weather is lovely today, and we are going for a long walk in the park.';
  const result = await post({ text });
  expect(result.statusCode).toBe(201);
  expect(jsonBody(result)).toEqual(expect.objectContaining({ input: text, output: text, sourceLanguage: 'en', provider: 'none' }));
  expect(stub.requests.length).toBe(calls);
});

it('maps no answer within TRANSLATE_TIMEOUT_MS to 504 UPSTREAM_TIMEOUT and stores nothing', async () => {
  const before = await recordCount();
  stub.respondWith(() => 'hang');
  const result = await post({ text: 'una frase que nunca vuelve' });
  stub.respondWith();
  expect(result.statusCode).toBe(504);
  expect(jsonBody(result).error.code).toBe('UPSTREAM_TIMEOUT');
  expect(await recordCount()).toBe(before);
});
