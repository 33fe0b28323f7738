import { beforeAll, describe, expect, it } from '@jest/globals';
import type { ALBEvent, ALBResult, Context } from 'aws-lambda';
import { getStore } from '../../shared/runtime.ts';
import { albEvent, jsonPostEvent, jsonBody, lambdaContext, responseHeader, SHAPES } from '../../test/support/alb.ts';
import { withContract } from '../../test/support/contract.ts';

let handler: (event: ALBEvent, context: Context) => Promise<ALBResult>;

// test/setup-env.cjs leaves no Google key; an empty PATH hides the installed apertium command, so
// no engine is available: the documented 503 path. The engine is chosen at import, hence after this.
beforeAll(async () => {
  process.env.PATH = '';
  // Every answer is checked against docs/openapi.yaml too.
  handler = withContract((await import('./handler.ts')).handler);
});

const post = (body: unknown, shape: 'single' | 'multi' = 'single', headers: Record<string, string> = {}) =>
  handler(
    jsonPostEvent('/api/translate', body, { shape, headers }),
    lambdaContext(),
  );

beforeAll(async () => {
  await (await getStore()).migrate();
});

describe.each(SHAPES)('translate with no engine configured, %s headers', (shape) => {
  it('answers 503 TRANSLATION_UNAVAILABLE saying how to configure one, and stores nothing', async () => {
    const result = await post({ text: 'hola mundo', id: 'tr-1' }, shape);
    expect(result.statusCode).toBe(503);
    const { error } = jsonBody(result);
    expect(error.code).toBe('TRANSLATION_UNAVAILABLE');
    expect(error.message).toContain('GOOGLE_TRANSLATE_API_KEY');
    expect(error.message).toContain('apt-get install apertium');
    expect((await (await getStore()).list({ limit: 10 })).records).toEqual([]);
  });

  it('still validates first: a bad source is 400', async () => {
    const result = await post({ text: 'hola', source: 'spanish' }, shape);
    expect(result.statusCode).toBe(400);
    expect(jsonBody(result).error.code).toBe('VALIDATION_FAILED');
  });
});

it('lists no languages on GET as JSON when no engine is configured, and says why and how to set one', async () => {
  const result = await handler(albEvent({ path: '/api/translate', headers: { accept: 'application/json' } }), lambdaContext());
  expect(jsonBody(result)).toEqual({ operation: 'translate', fields: ['text', 'id', 'source', 'target'], languages: [], unavailable: expect.stringMatching(/^No translation engine is configured\. .*GOOGLE_TRANSLATE_API_KEY.*apertium/) });
});

it('says up front on the form that no engine is configured, and how to set one', async () => {
  const result = await handler(albEvent({ path: '/api/translate', headers: { accept: 'text/html' } }), lambdaContext());
  expect(result.body).toMatch(/<div class="error" role="note"><p><strong>Translation is not available here\.<\/strong><\/p><p>No translation engine is configured\. To use Google Cloud Translation set GOOGLE_TRANSLATE_API_KEY/);
  expect(result.body).toContain('<button type="submit">Translate</button>');
});

it('serves the form with a source field', async () => {
  const result = await handler(albEvent({ path: '/api/translate', headers: { accept: 'text/html' } }), lambdaContext());
  expect(result.statusCode).toBe(200);
  expect(responseHeader(result, 'content-type')).toMatch(/^text\/html/);
  expect(result.body).toContain('<select name="source"><option value="auto" selected>detect</option></select>');
  expect(result.body).toContain('action="/api/translate"');
});
