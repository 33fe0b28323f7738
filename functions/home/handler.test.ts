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
      expect(body.records[0]).toEqual(expect.objectContaining({ id: 'page', input: 'in 3', inputTruncated: false, operation: 'space', sourceLanguage: null }));
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
  const details = { corrections: [{ offset: 0, length: 3, original: 'Teh', replacement: 'The', alternatives: ['Ten'] }], flags: [{ offset: 4, length: 3, original: 'cat', reason: 'name', alternatives: [] }] };
  let seq: number;
  beforeAll(async () => {
    ({ seq } = await (await getStore()).save({ id: 'with-details', operation: 'spell', input: 'Teh cat', output: 'The cat', sourceLanguage: 'en', details, summary: '1 correction, 1 flag' }));
  });

  it('stay out of the list, which says them in a few words and links the record', async () => {
    const [entry] = jsonBody(await get({ format: 'json', id: 'with-details' })).records;
    expect(entry).not.toHaveProperty('details');
    expect(entry).toEqual(expect.objectContaining({ seq, input: 'Teh cat', inputTruncated: false, output: 'The cat', outputTruncated: false, summary: '1 correction, 1 flag' }));
    const page = (await get({ id: 'with-details' }, { accept: 'text/html' })).body!;
    expect(page).toContain('<td data-label="Details">1 correction, 1 flag</td>');
    expect(page).toContain(`<a href="/?seq=${seq}" aria-label="Record ${seq}">${seq}</a>`);
  });

  it('are on the record page, with the marks and the full texts, and in its JSON', async () => {
    const json = jsonBody(await get({ seq: String(seq), format: 'json' }));
    expect(json).toEqual(expect.objectContaining({ seq, id: 'with-details', input: 'Teh cat', output: 'The cat', details, summary: '1 correction, 1 flag' }));
    expect(jsonBody(await get({ seq: String(seq) }, { accept: 'application/json' }))).toEqual(json);
    const page = await get({ seq: String(seq) }, { accept: 'text/html' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1>Record ${seq}</h1>`);
    expect(page.body).toContain('<pre><del>Teh</del><ins title="also: Ten">The</ins> <u title="left as written: name">cat</u></pre>');
    // The alternatives are text on the page, not only in the tooltip; the reason is worded for a reader.
    expect(page.body).toContain('<li data-at="0" data-from="The"><del>Teh</del> → <span class="choice" data-to="The">The</span>; also <span class="choice" data-to="Ten">Ten</span></li>');
    expect(page.body).toContain('<li data-at="4" data-from="cat">cat <span class="muted">a name</span></li>');
    // "Check again" holds the output, editable, in the operation's form.
    expect(page.body).toContain('<textarea name="text" id="text" required data-limit="10000" aria-describedby="count">The cat</textarea>');
    expect(page.body).toContain('<button type="submit">Check spelling</button>');
  });

  it('shows a long text whole on its page and its beginning, marked as cut, in the list', async () => {
    const long = `${'word '.repeat(100)}and the end`;
    const saved = await (await getStore()).save({ id: 'long', operation: 'space', input: long, output: long, sourceLanguage: null, summary: 'unchanged' });
    const [entry] = jsonBody(await get({ format: 'json', id: 'long' })).records;
    expect(entry).toEqual(expect.objectContaining({ input: long.slice(0, 300), inputTruncated: true, outputTruncated: true }));
    expect((await get({ id: 'long' }, { accept: 'text/html' })).body).toContain(`${long.slice(0, 300)}<span class="cut">…</span></td>`);
    expect((await get({ seq: String(saved.seq) }, { accept: 'text/html' })).body).toContain(`<pre>${long}</pre>`);
  });

  it('answers 404 NOT_FOUND for a record that does not exist, 400 for a seq that is no record number', async () => {
    const missing = await get({ seq: '999999' }, { accept: 'application/json' });
    expect(missing.statusCode).toBe(404);
    expect(jsonBody(missing).error).toEqual(expect.objectContaining({ code: 'NOT_FOUND', message: 'there is no record 999999' }));
    expect((await get({ seq: '999999' }, { accept: 'text/html' })).body).toContain('NOT_FOUND');
    for (const bad of ['0', '-1', '1.5', 'x', '1e3', '99999999999999999']) {
      const result = await get({ seq: bad }, { accept: 'application/json' });
      expect([bad, result.statusCode, jsonBody(result).error.code]).toEqual([bad, 400, 'VALIDATION_FAILED']);
    }
  });
});

describe('the files browsers and crawlers ask every site for', () => {
  it.each([
    ['/robots.txt', 'text/plain; charset=utf-8', /^User-agent: \*\nDisallow: \/\?\n$/],
    ['/favicon.svg', 'image/svg+xml', /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^]*<\/svg>$/],
  ])('serves %s as %s whatever the client prefers, cacheable, with the security headers', async (path, type, body) => {
    for (const accept of ['text/html', 'application/json', '*/*']) {
      const result = await handler(albEvent({ path, headers: { accept } }), lambdaContext());
      expect(result.statusCode).toBe(200);
      expect(responseHeader(result, 'content-type')).toBe(type);
      expect(responseHeader(result, 'cache-control')).toBe('public, max-age=86400');
      expect(responseHeader(result, 'x-content-type-options')).toBe('nosniff');
      expect(result.body).toMatch(body);
    }
    const head = await handler(albEvent({ method: 'HEAD', path }), lambdaContext());
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('every page names the icon and has a description', async () => {
    const result = await handler(albEvent({ path: '/', headers: { accept: 'text/html' } }), lambdaContext());
    expect(result.body).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    expect(result.body).toMatch(/<meta name="description" content="[^"]{50,160}">/);
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
