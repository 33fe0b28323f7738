/** The HTTP edge of the three operation functions, driven through a stand-in processor. */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { operationRoute } from './operation-route.ts';
import { getStore } from '../runtime.ts';
import { albEvent, jsonBody, lambdaContext, responseHeader, SHAPES, type EventOptions, type HeaderShape } from '../../test/support/alb.ts';
import { BAD_OPERATION_REQUESTS } from '../../test/support/bad-requests.ts';
import { expectedErrorBody } from '../../test/support/expectations.ts';

const handler = operationRoute('space', ({ text }) => {
  if (text.includes('explode')) throw new Error('secret internal detail at /var/task/db.ts:42');
  return { output: text.toUpperCase() };
});

const send = (options: EventOptions) => handler(albEvent({ method: 'POST', path: '/api/space', ...options }), lambdaContext());
const json = (body: unknown, shape: HeaderShape = 'single', extra: EventOptions = {}) =>
  send({ headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body), shape, ...extra });
const count = async () => (await (await getStore()).list({ limit: 200 })).records.length;

beforeAll(async () => {
  await (await getStore()).migrate();
});

describe.each(SHAPES)('accepted requests, %s headers', (shape) => {
  it('JSON: 201 with the record, stored once', async () => {
    const before = await count();
    const result = await json({ text: 'héllo 😀', id: 'tag-1' }, shape);
    expect(result.statusCode).toBe(201);
    expect(responseHeader(result, 'Content-Type')).toBe('application/json; charset=utf-8');
    const body = jsonBody(result);
    expect(Object.keys(body)).toEqual(['seq', 'id', 'operation', 'input', 'output', 'createdAt']);
    expect(body).toEqual(expect.objectContaining({ id: 'tag-1', operation: 'space', input: 'héllo 😀', output: 'HÉLLO 😀' }));
    expect(await count()).toBe(before + 1);
  });

  it('an HTML form post gets the result page', async () => {
    const result = await send({
      shape,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html,*/*;q=0.8' },
      body: 'text=a+b%26c+%C3%A9&id=',
    });
    expect(result.statusCode).toBe(201);
    expect(responseHeader(result, 'content-type')).toMatch(/^text\/html/);
    expect(result.body).toContain('A B&amp;C É');
  });

  it('a base64-encoded body, charset=utf-8, and text at the limit once trimmed', async () => {
    const text = `  ${'x'.repeat(10_000)}\n`;
    const result = await send({ shape, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: Buffer.from(JSON.stringify({ text })), base64: true });
    expect(result.statusCode).toBe(201);
    expect(jsonBody(result).input).toBe(text);
    expect(jsonBody(result).id).toBeNull();
  });
});

describe.each(SHAPES)('rejected requests store nothing, %s headers', (shape) => {
  it.each(BAD_OPERATION_REQUESTS)('%s', async (_name, options, status, code) => {
    const before = await count();
    const result = await send({ shape, ...options, headers: { accept: 'application/json', ...options.headers } });
    expect(result.statusCode).toBe(status);
    expect(jsonBody(result)).toEqual(expectedErrorBody(result, code));
    expect(await count()).toBe(before);
  });

  it('405 with Allow for other methods', async () => {
    const result = await handler(albEvent({ method: 'PUT', path: '/api/space', shape, body: '{}' }), lambdaContext());
    expect(result.statusCode).toBe(405);
    expect(responseHeader(result, 'Allow')).toBe('GET, POST');
    expect(jsonBody(result).error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('500 INTERNAL without internals when processing fails unexpectedly', async () => {
    const before = await count();
    const result = await json({ text: 'please explode' }, shape);
    expect(result.statusCode).toBe(500);
    expect(jsonBody(result).error.code).toBe('INTERNAL');
    expect(result.body).not.toMatch(/secret|\/var\/task|at /);
    expect(await count()).toBe(before);
  });
});

it('an HTML client gets an error page with the same status', async () => {
  const result = await send({ headers: { 'content-type': 'text/plain', accept: 'text/html' }, body: 'x' });
  expect(result.statusCode).toBe(415);
  expect(responseHeader(result, 'content-type')).toMatch(/^text\/html/);
  expect(result.body).toContain('UNSUPPORTED_MEDIA_TYPE');
});

it('GET serves the form, with the limit said and a button named for the action', async () => {
  const result = await handler(albEvent({ path: '/api/space', headers: { accept: 'text/html' } }), lambdaContext());
  expect(result.statusCode).toBe(200);
  expect(result.body).toContain('<form method="post" action="/api/space">');
  expect(result.body).not.toContain('name="source"');
  expect(result.body).toContain('<p class="muted" id="count">Up to 10000 characters.</p>');
  expect(result.body).toContain('<button type="submit">Fix spaces</button>');
  expect(result.body).toContain('<meta name="description" content="Fix the spaces in English text');
});

describe('a refused form post returns to the form with the text kept', () => {
  const form = (body: string) => send({ headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, body });

  it.each([
    ['413, a text over the limit', `text=${'a'.repeat(10_001)}&id=kept+%3Cid%3E`, 413, 'TEXT_TOO_LONG', 'a'.repeat(10_001)],
    ['400, a text of spaces only', 'text=+++&id=kept+%3Cid%3E', 400, 'VALIDATION_FAILED', '   '],
  ])('%s', async (_name, body, status, code, text) => {
    const before = await count();
    const result = await form(body);
    expect(result.statusCode).toBe(status);
    expect(result.body).toContain(`<p>Error ${status}: <strong>${code}</strong></p>`);
    expect(result.body).toContain(`aria-describedby="count">${text}</textarea>`);
    expect(result.body).toContain('value="kept &lt;id&gt;"');
    expect(await count()).toBe(before);
  });

  it('413, a form body over 256 KiB: the form again with the text and id as sent', async () => {
    const text = `${'f'.repeat(300 * 1024)} <b>`;
    const result = await form(`text=${encodeURIComponent(text)}&id=kept+%3Cid%3E`);
    expect(result.statusCode).toBe(413);
    expect(result.body).toContain('<p>Error 413: <strong>BODY_TOO_LARGE</strong></p>');
    expect(result.body).toContain(`aria-describedby="count">${'f'.repeat(300 * 1024)} &lt;b&gt;</textarea>`);
    expect(result.body).toContain('value="kept &lt;id&gt;"');
  });

  it('413, a body whose text would make too large a page: the form, empty, saying where the text still is', async () => {
    // 200,000 quotes: 600 KB as sent, 1.2 MB escaped, over what the load balancer takes from a Lambda.
    const result = await form(`text=${'%22'.repeat(200_000)}&id=kept`);
    expect(result.statusCode).toBe(413);
    expect(result.body).toContain('<strong>BODY_TOO_LARGE</strong>');
    expect(result.body).toContain('your browser&#39;s Back button still has it');
    expect(result.body).toContain('aria-describedby="count"></textarea>');
    expect(result.body).toContain('value="kept"');
    expect(result.body!.length).toBeLessThan(64 * 1024);
  });

  it('413, a plain-text body over 256 KiB from a browser: the empty form', async () => {
    const result = await send({ headers: { 'content-type': 'text/plain', accept: 'text/html' }, body: 'p'.repeat(300 * 1024) });
    expect(result.statusCode).toBe(413);
    expect(result.body).toContain('<strong>BODY_TOO_LARGE</strong>');
    expect(result.body).toContain('<form method="post" action="/api/');
  });

  it.each([['a form', 'application/x-www-form-urlencoded', `text=${'f'.repeat(300 * 1024)}`], ['plain text', 'text/plain', 'p'.repeat(300 * 1024)]])(
    'and a JSON client sending %s over 256 KiB gets the contract\'s 413 body',
    async (_name, contentType, body) => {
      const result = await send({ headers: { 'content-type': contentType, accept: 'application/json' }, body });
      expect(result.statusCode).toBe(413);
      expect(jsonBody(result)).toEqual(expectedErrorBody(result, 'BODY_TOO_LARGE'));
    },
  );

  it('and JSON clients get the contract\'s error body as before', async () => {
    const result = await json({ text: 'a'.repeat(10_001) });
    expect(result.statusCode).toBe(413);
    expect(jsonBody(result)).toEqual(expectedErrorBody(result, 'TEXT_TOO_LONG'));
  });
});

describe('results larger than a record holds', () => {
  // An engine reporting 3,000 corrections of "teh", or answering the text repeated: more than a record keeps.
  const wordy = operationRoute('spell', ({ text }) => {
    if (text === 'long') return { output: '😀'.repeat(16_000) };
    const corrections = Array.from({ length: 3000 }, (_, i) => ({ offset: i * 4, length: 3, original: 'teh', replacement: 'the', alternatives: ['ten', 'tea'], confidence: 0.9 }));
    return { output: text.replaceAll('teh', 'the'), details: { corrections, flags: [] } };
  });
  const post = (text: string) => wordy(albEvent({ method: 'POST', path: '/api/spell', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) }), lambdaContext());

  it('answer every correction, and store the first that fit, marked truncated, with the full count in the summary', async () => {
    const result = await post('teh '.repeat(2400).trim());
    expect(result.statusCode).toBe(201);
    const body = jsonBody(result);
    expect(body.corrections).toHaveLength(3000);
    const stored = (await (await getStore()).get(body.seq))!;
    expect(stored.details).toEqual(expect.objectContaining({ truncated: true }));
    expect((stored.details!.corrections as unknown[]).length).toBeLessThan(3000);
    expect(stored.summary).toBe('3000 corrections');
  });

  it('refuse with 413 TEXT_TOO_LONG an output the store cannot keep, storing nothing', async () => {
    const before = await count();
    const result = await post('long');
    expect(result.statusCode).toBe(413);
    expect(jsonBody(result)).toEqual(expectedErrorBody(result, 'TEXT_TOO_LONG', expect.stringMatching(/bytes in UTF-8; a record holds at most 61440/)));
    expect(await count()).toBe(before);
  });

  it('refuse before the engine runs a text the store cannot keep even alone', async () => {
    const padded = operationRoute('space', () => {
      throw new Error('the engine must not run');
    });
    const text = `${' '.repeat(70_000)}x`;
    const result = await padded(albEvent({ method: 'POST', path: '/api/space', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ text }) }), lambdaContext());
    expect(result.statusCode).toBe(413);
    expect(jsonBody(result).error.code).toBe('TEXT_TOO_LONG');
  });
});
