/** The translate Lambda with no Google key on a machine with Apertium installed (.ci/run installs it). */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { ALBEvent, ALBResult, Context } from 'aws-lambda';
import { albEvent, jsonPostEvent, jsonBody, lambdaContext } from '../../test/support/alb.ts';
import type { RecordStore } from '../../shared/db/record.ts';
import { withContract } from '../../test/support/contract.ts';

let handler: (event: ALBEvent, context: Context) => Promise<ALBResult>;
let store: RecordStore;

beforeAll(async () => {
  // Every answer is checked against docs/openapi.yaml too.
  handler = withContract((await import('./handler.ts')).handler);
  store = await (await import('../../shared/runtime.ts')).getStore();
  await store.migrate();
});

afterAll(async () => {
  await store.close();
});

const post = (body: unknown) =>
  handler(jsonPostEvent('/api/translate', body), lambdaContext());

it('picks Apertium, detects the language offline, translates and stores the record', async () => {
  const result = await post({ text: 'El perro come una manzana roja en la cocina.', id: 'apertium-1' });

  expect(result.statusCode).toBe(201);
  const body = jsonBody(result);
  expect(body).toEqual(expect.objectContaining({ id: 'apertium-1', sourceLanguage: 'es', provider: 'apertium' }));
  expect(body.output).toMatch(/^The dog eats a red apple/);
  const [stored] = (await store.list({ limit: 1 })).records;
  expect(stored).toEqual(expect.objectContaining({ seq: body.seq, output: body.output, sourceLanguage: 'es' }));
});

it('uses the given source, which Apertium cannot detect for Galician', async () => {
  const result = await post({ text: 'O can come unha mazá vermella na cociña.', source: 'gl' });
  expect(result.statusCode).toBe(201);
  expect(jsonBody(result)).toEqual(expect.objectContaining({ output: 'The dog eats a red apple in the kitchen.', sourceLanguage: 'gl' }));
});

it('answers 422 UNSUPPORTED_LANGUAGE naming what Apertium supports, and stores nothing', async () => {
  const before = (await store.list({ limit: 200 })).records.length;
  const result = await post({ text: 'Guten Morgen, ich hätte gern einen Kaffee.', source: 'de' });
  expect(result.statusCode).toBe(422);
  const { error } = jsonBody(result);
  expect(error.code).toBe('UNSUPPORTED_LANGUAGE');
  expect(error.message).toMatch(/"de".*it translates from: .*\bca\b.*\bes\b/);
  expect((await store.list({ limit: 200 })).records.length).toBe(before);
});

const recordCount = async () => (await store.list({ limit: 200 })).records.length;

it.each([
  ['Hola amigo', 'es', undefined],
  ['Bonjour, comment allez-vous ?', 'fr', ['fr', 'es', 'en']],
  ['Eu gosto muito de ler livros à noite.', 'pt', ['pt', 'es', 'en']],
  ['Mi piace molto leggere libri la sera.', 'it', ['it', 'es', 'en']],
])('detects %j as %s among its languages, translates it (through %j) and says how', async (text, language, route) => {
  const result = await post({ text });
  expect(result.statusCode).toBe(201);
  const body = jsonBody(result);
  expect(body).toEqual(expect.objectContaining({ sourceLanguage: language, provider: 'apertium', detection: { language, confidence: expect.any(Number) }, unknownWords: expect.any(Number) }));
  expect(body.route).toEqual(route);
  expect(body.output).not.toBe(text);
  const [stored] = (await store.list({ limit: 1 })).records;
  expect(stored).toEqual(expect.objectContaining({ seq: body.seq, output: body.output, sourceLanguage: language }));
});

it('names the other languages a short text reads as, in the answer, the record and the result page', async () => {
  // Every word of "Como estás?" is Portuguese, Spanish, Galician and Aragonese alike.
  const readings = ['an', 'es', 'gl', 'pt'];
  const result = await post({ text: 'Como estás?' });
  expect(result.statusCode).toBe(201);
  const { detection, seq } = jsonBody(result);
  expect(readings).toContain(detection.language);
  expect([detection.language, ...detection.alternatives].sort()).toEqual(readings);
  expect(detection.confidence).toBeLessThanOrEqual(0.5);
  const stored = await store.get(seq);
  expect(stored).toEqual(expect.objectContaining({ seq, details: expect.objectContaining({ detection }) }));

  const page = await handler(
    albEvent({ method: 'POST', path: '/api/translate', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, body: new URLSearchParams({ text: 'Como estás?' }).toString() }),
    lambdaContext(),
  );
  expect(page.statusCode).toBe(201);
  expect(page.body).toMatch(/\(detected; the words are also [A-Za-z, ]*Galician[A-Za-z, ]*: choose the source language if you meant one of those\)/);
});

it('transliterates Serbian Cyrillic before hbs-eng and stores English, not the Cyrillic', async () => {
  const result = await post({ text: 'Хвала вам пуно на помоћи.' });
  expect(result.statusCode).toBe(201);
  const body = jsonBody(result);
  expect(body).toEqual(expect.objectContaining({ sourceLanguage: 'sr', detection: expect.objectContaining({ language: 'sr' }) }));
  expect(body.output).toMatch(/^Thanks\b.*\bhelp\.$/);
  expect(body.output).not.toMatch(/\p{Script=Cyrillic}/u);
});

it('answers 422 for a script no pair reads, and 502 for an answer still in the source\'s script; stores neither', async () => {
  const before = await recordCount();
  const greek = await post({ text: 'Ο σκύλος τρώει ένα κόκκινο μήλο.' });
  expect(greek.statusCode).toBe(422);
  expect(jsonBody(greek).error.message).toMatch(/Greek script/);
  const untranslated = await post({ text: 'Ο σκύλος τρώει ένα κόκκινο μήλο.', source: 'es' });
  expect(untranslated.statusCode).toBe(502);
  expect(jsonBody(untranslated).error.code).toBe('UPSTREAM_FAILED');
  expect(await recordCount()).toBe(before);
});

it.each([[{ text: 'B' }], [{ text: 'Taxi' }], [{ text: 'Pizza', source: 'it' }]])('answers 201 with the text as it was for %j, whose words read the same in English', async (request) => {
  const result = await post(request);
  expect(result.statusCode).toBe(201);
  expect(jsonBody(result)).toEqual(expect.objectContaining({ output: request.text, provider: 'apertium', unknownWords: 0 }));
});

it('answers 422 saying it looks like English for English sent with another source, and stores nothing', async () => {
  const before = await recordCount();
  const result = await post({ text: 'Hello, how are you today?', source: 'es' });
  expect(result.statusCode).toBe(422);
  expect(jsonBody(result).error).toEqual(expect.objectContaining({ code: 'UNSUPPORTED_LANGUAGE', message: expect.stringMatching(/looks like English/) }));
  expect(await recordCount()).toBe(before);
});

it('takes a tag with a region as Apertium\'s own code, and refuses any target but English', async () => {
  const result = await post({ text: 'O cão come uma maçã vermelha na cozinha.', source: 'pt-BR' });
  expect(result.statusCode).toBe(201);
  expect(jsonBody(result)).toEqual(expect.objectContaining({ sourceLanguage: 'pt', route: ['pt', 'es', 'en'] }));
  const french = await post({ text: 'hola', target: 'fr' });
  expect(french.statusCode).toBe(400);
  expect(jsonBody(french).error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/English only/), requestId: expect.any(String) });
});

it('lists its languages, with the route of each chain, on GET as JSON and in the form', async () => {
  const json = await handler(albEvent({ path: '/api/translate', headers: { accept: 'application/json' } }), lambdaContext());
  expect(json.statusCode).toBe(200);
  const { languages } = jsonBody(json);
  expect(languages).toContainEqual({ code: 'es', name: 'Spanish', scripts: ['Latn'] });
  expect(languages).toContainEqual(expect.objectContaining({ code: 'fr', name: 'French', route: ['fr', 'es', 'en'] }));
  const page = await handler(albEvent({ path: '/api/translate', headers: { accept: 'text/html' } }), lambdaContext());
  expect(page.body).toMatch(/<select name="source"><option value="auto" selected>detect<\/option><option value="an">Aragonese \(an via es\)<\/option>/);
});
