/** Every route over HTTP through serverless-offline, as `npm start` serves it. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectFetchMatchesContract } from '../support/contract.ts';
import { startOfflineServer, type OfflineServer } from '../support/offline-server.ts';
import { OPERATIONS } from '../../shared/operations/index.ts';

let server: OfflineServer;
const LISTED_ORIGIN = 'http://app.test:8080';

beforeAll(async () => {
  // Apertium is a test prerequisite (.ci/run installs it); naming it keeps the test independent of other engines.
  server = await startOfflineServer({ albPort: 3103, env: { TRANSLATE_PROVIDER: 'apertium', CORS_ALLOWED_ORIGINS: LISTED_ORIGIN } });
}, 150_000);

afterAll(async () => {
  await server?.stop();
});

/** fetch, with every answer checked against docs/openapi.yaml before the test reads it. */
async function fetch(url: string, init: RequestInit = {}): Promise<Response> {
  const response = await globalThis.fetch(url, init);
  await expectFetchMatchesContract(init.method ?? 'GET', url, response);
  return response;
}

// Response shapes are asserted field by field.
const json = (response: Response): Promise<any> => response.json();

const postJson = (path: string, body: unknown) =>
  fetch(server.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('the offline server', () => {
  it('corrects spelling and stores the record', async () => {
    const response = await postJson('/api/spell', { text: 'Teh wrold is big.', id: 'e2e-spell' });
    expect(response.status).toBe(201);
    const body = await json(response);
    expect(body).toEqual(expect.objectContaining({ id: 'e2e-spell', operation: 'spell', input: 'Teh wrold is big.', output: 'The world is big.' }));
    expect(body.corrections[0]).toEqual(expect.objectContaining({ offset: 0, length: 3, original: 'Teh', replacement: 'The' }));
    expect(body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('splits run-together words from an HTML form post and answers with a result page', async () => {
    const response = await fetch(`${server.url}/api/space`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
      body: new URLSearchParams({ text: 'Thequickbrownfox jumped,overthelazydog.', id: '<b>form</b>' }).toString(),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).toContain('The quick brown fox jumped, over the lazy dog.');
    expect(page).toContain('&lt;b&gt;form&lt;/b&gt;');
  });

  it('shows the new records on the home page, newest first, escaped, paginated', async () => {
    const page = await (await fetch(`${server.url}/`, { headers: { Accept: 'text/html' } })).text();
    expect(page).toContain('&lt;b&gt;form&lt;/b&gt;');
    expect(page).not.toContain('<b>form</b>');
    expect(page.indexOf('Thequickbrownfox')).toBeLessThan(page.indexOf('Teh wrold'));

    const first = await json(await fetch(`${server.url}/?limit=1&format=json`));
    expect(first.records).toHaveLength(1);
    expect(first.records[0].operation).toBe('space');
    const second = await json(await fetch(`${server.url}/?limit=1&format=json&cursor=${first.next}`));
    expect(second.records[0].operation).toBe('spell');
    expect(second.records[0]).not.toHaveProperty('details');
    expect(second.records[0].summary).toBe('2 corrections');
    expect(page).toContain('<td data-label="Details">2 corrections</td>');
    expect(second.next).toBeNull();
    // The record's own page keeps the corrections the POST answered, marked in the output.
    const { seq } = second.records[0];
    expect(page).toContain(`<a href="/?seq=${seq}"`);
    const record = await json(await fetch(`${server.url}/?seq=${seq}`, { headers: { Accept: 'application/json' } }));
    expect(record.details.corrections[0]).toEqual(expect.objectContaining({ original: 'Teh', replacement: 'The' }));
    const recordPage = await (await fetch(`${server.url}/?seq=${seq}`)).text();
    expect(recordPage).toMatch(/<del>Teh<\/del><ins title="[^"]*">The<\/ins> <del>wrold<\/del><ins title="[^"]*">world<\/ins> is big\./);
    expect(recordPage).toMatch(/<li data-at="0" data-from="The"><del>Teh<\/del> → (The|<span class="choice" data-to="The">The<\/span>;.*?)<\/li>/);
    const missing = await fetch(`${server.url}/?seq=${seq + 100}&format=json`);
    expect(missing.status).toBe(404);
    expect((await json(missing)).error.code).toBe('NOT_FOUND');
  });

  it('serves each form and maps bad input to the contract', async () => {
    for (const op of OPERATIONS) {
      const form = await fetch(`${server.url}/api/${op}`, { headers: { Accept: 'text/html' } });
      expect(form.status).toBe(200);
      expect(await form.text()).toContain(`action="/api/${op}"`);
    }
    const invalid = await fetch(`${server.url}/api/spell`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"text":' });
    expect(invalid.status).toBe(400);
    expect((await json(invalid)).error.code).toBe('INVALID_JSON');
    const wrongMethod = await fetch(`${server.url}/api/space`, { method: 'PUT', body: 'x' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, POST');
    const stored = await json(await fetch(`${server.url}/?format=json`));
    expect(stored.records).toHaveLength(2);
  });

  it('translates into English offline with Apertium, detecting the source language', async () => {
    const response = await postJson('/api/translate', { text: 'El perro come una manzana roja en la cocina.', id: 'e2e-translate' });
    expect(response.status).toBe(201);
    const body = await json(response);
    expect(body).toEqual(expect.objectContaining({ operation: 'translate', sourceLanguage: 'es', provider: 'apertium' }));
    expect(body.output).toMatch(/dog/i);
    const [newest] = (await json(await fetch(`${server.url}/?format=json&limit=1`))).records;
    expect(newest).toEqual(expect.objectContaining({ seq: body.seq, sourceLanguage: 'es', output: body.output, summary: expect.stringMatching(/^by apertium, language detected/) }));
    const record = await json(await fetch(`${server.url}/?seq=${body.seq}&format=json`));
    expect(record.details).toEqual(expect.objectContaining({ provider: 'apertium' }));
  });

  it('answers CORS as the deployed functions do: only listed origins, its own preflight, no credentials', async () => {
    const accessControl = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/spell`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type', Accept: 'application/json' },
      });
    const listed = await preflight(LISTED_ORIGIN);
    expect(listed.status).toBe(204);
    expect(Object.fromEntries(accessControl(listed).map((name) => [name, listed.headers.get(name)]))).toEqual({
      'access-control-allow-origin': LISTED_ORIGIN,
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'Accept, Content-Type',
      'access-control-max-age': '600',
    });
    // hapi adds accept-encoding to the function's Vary.
    expect(listed.headers.get('vary')).toMatch(/^Accept, Origin\b/);

    const unlisted = await preflight('http://elsewhere.test');
    expect(unlisted.status).toBe(405);
    expect(accessControl(unlisted)).toEqual([]);
    expect((await json(unlisted)).error).toEqual(expect.objectContaining({ code: 'METHOD_NOT_ALLOWED', requestId: unlisted.headers.get('x-request-id') }));

    const fromListed = await fetch(`${server.url}/?format=json&limit=1`, { headers: { Origin: LISTED_ORIGIN } });
    expect(fromListed.headers.get('access-control-allow-origin')).toBe(LISTED_ORIGIN);
    expect(fromListed.headers.get('access-control-expose-headers')).toBe('X-Request-Id');
    expect(fromListed.headers.get('access-control-allow-credentials')).toBeNull();
    const fromOther = await fetch(`${server.url}/?format=json&limit=1`, { headers: { Origin: 'http://elsewhere.test' } });
    expect(fromOther.status).toBe(200);
    expect(accessControl(fromOther)).toEqual([]);
  });

  it('gives every response a request id, errors and 405s included', async () => {
    const responses = [
      await fetch(`${server.url}/?format=json`),
      await fetch(`${server.url}/api/space`, { headers: { Accept: 'text/html' } }),
      await fetch(`${server.url}/api/space`, { method: 'DELETE' }),
      await postJson('/api/spell', { text: '' }),
    ];
    const ids = responses.map((response) => response.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/\S/);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await json(responses[3]!)).error.requestId).toBe(ids[3]);
  });

  it('refuses a cross-site form post and stores nothing; answers HEAD and GET /health as the ALB does', async () => {
    const before = (await json(await fetch(`${server.url}/?format=json&limit=200`))).records.length;
    const form = (origin: string) =>
      fetch(`${server.url}/api/space`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: 'text=ab+cd' });
    const refused = await form('http://elsewhere.test');
    expect(refused.status).toBe(403);
    expect((await json(refused)).error.code).toBe('CROSS_SITE');
    expect(refused.headers.get('vary')).toMatch(/^Accept, Origin\b/);
    expect((await json(await fetch(`${server.url}/?format=json&limit=200`))).records.length).toBe(before);
    // The pages' own origin, as a browser sends it from a form on http://127.0.0.1:<albPort>.
    expect((await form(server.url)).status).toBe(201);

    // Bytes that are not UTF-8 are refused in JSON as in a form, though the offline server decodes text bodies itself.
    for (const type of ['application/json', 'application/x-www-form-urlencoded']) {
      const body = Buffer.concat([Buffer.from(type === 'application/json' ? '{"text":"caf' : 'text=caf'), Buffer.from([0xe9, 0x20, 0xff, 0xfe]), Buffer.from(type === 'application/json' ? '"}' : '')]);
      const invalid = await fetch(`${server.url}/api/space`, { method: 'POST', headers: { 'Content-Type': type, Accept: 'application/json' }, body });
      expect(invalid.status).toBe(400);
      expect((await json(invalid)).error.message).toMatch(/not valid UTF-8/);
    }
    expect((await json(await fetch(`${server.url}/?format=json&limit=200`))).records.length).toBe(before + 1);

    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await json(health)).toEqual({ status: 'ok' });
    const head = await fetch(`${server.url}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/^text\/html/);
    expect(head.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });

  it('answers a body over 256 KiB with 413 on every operation: the contract\'s body to JSON clients, the form again to browsers', async () => {
    const before = (await json(await fetch(`${server.url}/?format=json&limit=200`))).records.length;
    const bodies = [
      ['application/x-www-form-urlencoded', `text=${'f'.repeat(300 * 1024)}+%3Cb%3E&id=big`],
      ['text/plain', 'p'.repeat(300 * 1024)],
    ];
    for (const op of OPERATIONS) {
      for (const [type, body] of bodies) {
        const post = (accept: string) => fetch(`${server.url}/api/${op}`, { method: 'POST', headers: { 'Content-Type': type!, Accept: accept }, body });
        const api = await post('application/json');
        expect(api.status).toBe(413);
        expect((await json(api)).error).toEqual(expect.objectContaining({ code: 'BODY_TOO_LARGE', message: expect.stringMatching(/limit is 262144 bytes/) }));
        const page = await post('text/html,*/*;q=0.8');
        expect(page.status).toBe(413);
        expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
        const text = await page.text();
        expect(text).toContain('<strong>BODY_TOO_LARGE</strong>');
        expect(text).toContain(`<form method="post" action="/api/${op}">`);
        if (type === 'text/plain') expect(text).toContain('aria-describedby="count"></textarea>');
        else expect(text).toContain(`aria-describedby="count">${'f'.repeat(300 * 1024)} &lt;b&gt;</textarea>`);
      }
    }
    expect((await json(await fetch(`${server.url}/?format=json&limit=200`))).records.length).toBe(before);
  });

  it('serves the OpenAPI document at /openapi.json, through the home function', async () => {
    const response = await fetch(`${server.url}/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const document = await json(response);
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/api/spell'].post.operationId).toBe('spell');
  });
});
