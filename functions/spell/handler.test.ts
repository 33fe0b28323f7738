import { beforeAll, describe, expect, it } from '@jest/globals';
import { handler as realHandler } from './handler.ts';
import { withContract } from '../../test/support/contract.ts';

// Every answer is checked against docs/openapi.yaml too.
const handler = withContract(realHandler);
import { getStore } from '../../shared/runtime.ts';
import { jsonBody, jsonPostEvent, lambdaContext, SHAPES } from '../../test/support/alb.ts';

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
