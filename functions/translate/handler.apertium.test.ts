/** The translate Lambda with no Google key on a machine with Apertium installed (.ci/run installs it). */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { ALBEvent, ALBResult, Context } from 'aws-lambda';
import { jsonPostEvent, jsonBody, lambdaContext } from '../../test/support/alb.ts';
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
  const result = await post({ text: 'Bonjour, je voudrais un café.', source: 'fr' });
  expect(result.statusCode).toBe(422);
  const { error } = jsonBody(result);
  expect(error.code).toBe('UNSUPPORTED_LANGUAGE');
  expect(error.message).toMatch(/"fr".*it translates from: .*\bca\b.*\bes\b/);
  expect((await store.list({ limit: 200 })).records.length).toBe(before);
});
