import { beforeAll, describe, expect, it } from '@jest/globals';
import { handler as realHandler } from './handler.ts';
import { withContract } from '../../test/support/contract.ts';

// Every answer is checked against docs/openapi.yaml too.
const handler = withContract(realHandler);
import { getStore } from '../../shared/runtime.ts';
import { albEvent, jsonBody, jsonPostEvent, lambdaContext, SHAPES } from '../../test/support/alb.ts';

beforeAll(async () => {
  await (await getStore()).migrate();
});

describe.each(SHAPES)('POST /api/spell, %s headers', (shape) => {
  it('corrects misspellings, keeps everything else, and reports each correction', async () => {
    const input = 'Teh wrold is big.\nVisit https://example.com or mail me@example.com at 7:30!';
    const result = await handler(
      jsonPostEvent('/api/spell', { text: input, id: 'essay-1' }, { shape }),
      lambdaContext(),
    );
    expect(result.statusCode).toBe(201);
    const body = jsonBody(result);
    expect(body.output).toBe('The world is big.\nVisit https://example.com or mail me@example.com at 7:30!');
    expect(body.corrections.map((c: { offset: number; length: number; original: string; replacement: string }) => [c.offset, c.length, c.original, c.replacement])).toEqual([
      [0, 3, 'Teh', 'The'],
      [4, 5, 'wrold', 'world'],
    ]);
    for (const c of body.corrections) expect(input.slice(c.offset, c.offset + c.length)).toBe(c.original);
    const [stored] = (await (await getStore()).list({ limit: 1 })).records;
    expect(stored).toEqual(expect.objectContaining({ seq: body.seq, id: 'essay-1', operation: 'spell', input, output: body.output }));
  });
});

describe('POST /api/spell: language, ignore and flags', () => {
  const post = async (fields: Record<string, unknown>) => handler(jsonPostEvent('/api/spell', fields), lambdaContext());

  it('accepts every variant in en and corrects into the variant the text uses', async () => {
    const british = jsonBody(await post({ text: 'The colour of my favourite flavur.' }));
    expect(british).toMatchObject({ output: 'The colour of my favourite flavour.', language: 'en', variant: 'en-GB' });
    const american = jsonBody(await post({ text: 'The color of my favorite flavur.' }));
    expect(american).toMatchObject({ output: 'The color of my favorite flavor.', variant: 'en-US' });
  });

  it('checks against one variant when asked, and stores the language with the record', async () => {
    const result = await post({ text: 'The colour was grey.', language: 'en-US' });
    expect(result.statusCode).toBe(201);
    const body = jsonBody(result);
    expect(body.output).toBe('The color was gray.');
    expect(body.corrections[0]).toMatchObject({ original: 'colour', replacement: 'color' });
    expect(body.corrections[0].confidence).toBeGreaterThan(0.5);
    const [stored] = (await (await getStore()).list({ limit: 1 })).records;
    expect(stored).toMatchObject({ seq: body.seq, sourceLanguage: 'en-US' });
    expect(jsonBody(await post({ text: 'flavur', language: 'en-gb' })).output).toBe('flavour');
  });

  it('refuses an unknown language, listing the accepted ones', async () => {
    const result = await post({ text: 'hello', language: 'en-NZ' });
    expect(result.statusCode).toBe(400);
    expect(jsonBody(result).error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'language must be one of en, en-US, en-GB, en-CA, en-AU' });
  });

  it('leaves the words of ignore alone, from JSON or a form', async () => {
    const json = jsonBody(await post({ text: 'Teh wrold of Qwerk.', ignore: ['wrold', 'qwerk'] }));
    expect(json.output).toBe('The wrold of Qwerk.');
    expect(json.flags).toEqual([]);
    const form = await handler(
      albEvent({ method: 'POST', path: '/api/spell', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: new URLSearchParams({ text: 'Teh wrold', ignore: 'wrold, teh' }).toString() }),
      lambdaContext(),
    );
    expect(jsonBody(form).output).toBe('Teh wrold');
  });

  it('refuses an ignore list that is not words, too long, or has too long a word', async () => {
    for (const ignore of [42, [1], Array.from({ length: 101 }, (_, k) => `w${k}`), ['x'.repeat(65)]]) {
      const result = await post({ text: 'hello', ignore });
      expect(result.statusCode).toBe(400);
      expect(jsonBody(result).error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('reports what it left alone with a reason', async () => {
    const body = jsonBody(await post({ text: 'Aoife said NATO and the OECD use YAML with webpack; xqzvbnmw.' }));
    expect(body.output).toBe('Aoife said NATO and the OECD use YAML with webpack; xqzvbnmw.');
    expect(body.corrections).toEqual([]);
    const reasons = Object.fromEntries(body.flags.map((f: { original: string; reason: string }) => [f.original, f.reason]));
    expect(reasons).toMatchObject({ OECD: 'acronym', YAML: 'acronym', xqzvbnmw: 'unknown' });
    expect(['name', 'uncertain']).toContain(reasons.Aoife);
  });
});

describe('POST /api/spell: other languages', () => {
  it('answers 422 naming the language of a text that is not English, and stores nothing', async () => {
    const before = (await (await getStore()).list({ limit: 1 })).records[0]?.seq ?? 0;
    const result = await handler(jsonPostEvent('/api/spell', { text: 'Eu gosto muito de ler livros à noite.' }), lambdaContext());
    expect(result.statusCode).toBe(422);
    expect(jsonBody(result).error).toMatchObject({ code: 'UNSUPPORTED_LANGUAGE', message: expect.stringContaining('Portuguese (pt)') });
    expect((await (await getStore()).list({ limit: 1 })).records[0]?.seq ?? 0).toBe(before);
  });

  it('corrects short English full of typos rather than refusing it as another language', async () => {
    const result = await handler(jsonPostEvent('/api/spell', { text: 'Plese chek my speling' }), lambdaContext());
    expect(result.statusCode).toBe(201);
    expect(jsonBody(result).output).toBe('Please check my spelling');
  });
});
