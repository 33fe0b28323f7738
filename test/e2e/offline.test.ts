/** Every route over HTTP through serverless-offline, as `npm start` serves it. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startOfflineServer, type OfflineServer } from '../support/offline-server.ts';

let server: OfflineServer;

beforeAll(async () => {
  // Apertium is a test prerequisite (.ci/run installs it); naming it keeps the test independent of other engines.
  server = await startOfflineServer({ albPort: 3103, env: { TRANSLATE_PROVIDER: 'apertium' } });
}, 150_000);

afterAll(async () => {
  await server?.stop();
});

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
    expect(second.next).toBeNull();
  });

  it('serves each form and maps bad input to the contract', async () => {
    for (const op of ['spell', 'space', 'translate']) {
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
    expect(newest).toEqual(expect.objectContaining({ seq: body.seq, sourceLanguage: 'es', output: body.output }));
  });
});
