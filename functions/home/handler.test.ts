import { beforeAll, describe, expect, it } from '@jest/globals';
import { handler as homeHandler } from './handler.ts';
import { getStore } from '../../shared/runtime.ts';
import { albEvent, jsonBody, lambdaContext, responseHeader, SHAPES } from '../../test/support/alb.ts';
import { withContract } from '../../test/support/contract.ts';

const handler = withContract(homeHandler);

const get = (query: Record<string, string> = {}, headers: Record<string, string> = {}, shape: 'single' | 'multi' = 'single') =>
  handler(albEvent({ query, headers, shape }), lambdaContext());

beforeAll(async () => {
  const store = await getStore();
  await store.migrate();
  await store.save({ id: 'x<b>', operation: 'spell', input: '<script>alert(1)</script>', output: 'ok & done', sourceLanguage: null });
  for (let i = 0; i < 4; i++) await store.save({ id: 'page', operation: i % 2 ? 'space' : 'translate', input: `in ${i}`, output: `out ${i}`, sourceLanguage: i % 2 ? null : 'es' });
});

describe.each(SHAPES)('GET / with %s headers', (shape) => {
  it('renders the records as HTML, escaped, newest first', async () => {
    const result = await get({}, { accept: 'text/html' }, shape);
    expect(result.statusCode).toBe(200);
    expect(responseHeader(result, 'content-type')).toMatch(/^text\/html/);
    expect(responseHeader(result, 'content-security-policy')).toContain("frame-ancestors 'none'");
    expect(result.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(result.body).not.toContain('<script>alert(1)');
    expect(result.body).toContain('x&lt;b&gt;');
    expect(result.body!.indexOf('in 3')).toBeLessThan(result.body!.indexOf('in 0'));
    expect(result.body).toContain('href="/api/spell"');
    expect(shape === 'multi' ? result.multiValueHeaders : result.headers).toBeDefined();
    expect(shape === 'multi' ? result.headers : result.multiValueHeaders).toBeUndefined();
  });

  it('answers JSON for Accept: application/json and format=json', async () => {
    for (const result of [await get({}, { accept: 'application/json' }, shape), await get({ format: 'json' }, {}, shape)]) {
      expect(result.statusCode).toBe(200);
      expect(responseHeader(result, 'content-type')).toMatch(/^application\/json/);
      const body = jsonBody(result);
      expect(body.records[0]).toEqual(expect.objectContaining({ id: 'page', input: 'in 3', operation: 'space', sourceLanguage: null }));
      expect(body.records[0].createdAt).toMatch(/Z$/);
    }
  });

  it('pages with an opaque cursor and keeps the filters', async () => {
    const first = jsonBody(await get({ format: 'json', id: 'page', limit: '3' }, {}, shape));
    expect(first.records.map((r: { input: string }) => r.input)).toEqual(['in 3', 'in 2', 'in 1']);
    expect(typeof first.next).toBe('string');
    const second = jsonBody(await get({ format: 'json', id: 'page', limit: '3', cursor: first.next }, {}, shape));
    expect(second.records.map((r: { input: string }) => r.input)).toEqual(['in 0']);
    expect(second.next).toBeNull();
    const html = (await get({ id: 'page', limit: '3' }, {}, shape)).body!;
    expect(html).toMatch(/rel="next" href="\/\?id=page&amp;limit=3&amp;cursor=[\w-]+"/);
  });

  it('treats the filter form\'s empty fields as no filter and the default page size', async () => {
    const body = jsonBody(await get({ format: 'json', id: '', operation: '', limit: '', cursor: '' }, {}, shape));
    expect(body.records).toHaveLength(5);
  });

  it('filters by operation', async () => {
    const body = jsonBody(await get({ format: 'json', operation: 'translate' }, {}, shape));
    expect(body.records.map((r: { sourceLanguage: string }) => r.sourceLanguage)).toEqual(['es', 'es']);
  });
});

describe("a record's details", () => {
  const details = { corrections: [{ offset: 0, length: 3, original: 'Teh', replacement: 'The', alternatives: ['Ten'] }], provider: '<b>engine</b>', route: ['fr', 'es', 'en'] };
  beforeAll(async () => {
    await (await getStore()).save({ id: 'with-details', operation: 'spell', input: 'Teh cat', output: 'The cat', sourceLanguage: null, details });
  });

  it('come back in the JSON, per record, null where there are none', async () => {
    const [record] = jsonBody(await get({ format: 'json', id: 'with-details' })).records;
    expect(record.details).toEqual(details);
    const [plain] = jsonBody(await get({ format: 'json', id: 'page', limit: '1' })).records;
    expect(plain.details).toBeNull();
  });

  it('are shown on the page, escaped', async () => {
    const page = (await get({ id: 'with-details' }, { accept: 'text/html' })).body!;
    expect(page).toContain('<th>Details</th>');
    expect(page).toContain('<li>corrections: Teh → The</li>');
    expect(page).toContain('<li>provider: &lt;b&gt;engine&lt;/b&gt;</li>');
    expect(page).toContain('<li>route: fr, es, en</li>');
    // The output cell marks the change inline.
    expect(page).toContain('<td class="text"><del>Teh</del><ins title="also: Ten">The</ins> cat</td>');
  });
});

describe('GET /openapi.json', () => {
  it('serves the OpenAPI document as JSON, with a request id, whatever the client prefers', async () => {
    for (const accept of ['application/json', 'text/html', '*/*']) {
      const result = await handler(albEvent({ path: '/openapi.json', headers: { accept } }), lambdaContext());
      expect(result.statusCode).toBe(200);
      expect(responseHeader(result, 'content-type')).toBe('application/json; charset=utf-8');
      const document = jsonBody(result);
      expect(document.openapi).toBe('3.1.0');
      expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/', '/api/spell', '/api/space', '/api/translate', '/openapi.json']));
    }
  });
});

describe('GET / with bad query parameters', () => {
  it.each([
    [{ limit: '0' }],
    [{ limit: '201' }],
    [{ limit: 'ten' }],
    [{ operation: 'shout' }],
    [{ cursor: 'not-a-cursor' }],
    [{ cursor: Buffer.from('v1:-5').toString('base64url') }],
    [{ id: 'x'.repeat(65) }],
    [{ format: 'xml' }],
  ])('%j gives 400 VALIDATION_FAILED', async (query) => {
    const result = await get({ ...query }, { accept: 'application/json' });
    expect(result.statusCode).toBe(400);
    expect(jsonBody(result).error.code).toBe('VALIDATION_FAILED');
  });

  it('renders an HTML error page for browsers', async () => {
    const result = await get({ limit: '0' }, { accept: 'text/html' });
    expect(result.statusCode).toBe(400);
    expect(result.body).toContain('VALIDATION_FAILED');
  });

  it('answers 405 with Allow for other methods', async () => {
    const result = await handler(albEvent({ method: 'DELETE', headers: { accept: 'application/json' } }), lambdaContext());
    expect(result.statusCode).toBe(405);
    expect(responseHeader(result, 'allow')).toBe('GET');
    expect(jsonBody(result).error.code).toBe('METHOD_NOT_ALLOWED');
  });
});
