import { beforeAll, describe, expect, it } from '@jest/globals';
import { handler as realHandler } from './handler.ts';
import { withContract } from '../../test/support/contract.ts';

// Every answer is checked against docs/openapi.yaml too.
const handler = withContract(realHandler);
import { getStore } from '../../shared/runtime.ts';
import { albEvent, jsonBody, lambdaContext, SHAPES } from '../../test/support/alb.ts';

beforeAll(async () => {
  await (await getStore()).migrate();
});

describe.each(SHAPES)('POST /api/space, %s headers', (shape) => {
  it('splits run-together words from a form post and stores the record', async () => {
    const result = await handler(
      albEvent({
        method: 'POST',
        path: '/api/space',
        shape,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ text: 'Thequickbrownfox jumped,overthelazydog.' }).toString(),
      }),
      lambdaContext(),
    );
    expect(result.statusCode).toBe(201);
    const body = jsonBody(result);
    expect(body).toEqual(expect.objectContaining({ id: null, operation: 'space', output: 'The quick brown fox jumped, over the lazy dog.' }));
    const [stored] = (await (await getStore()).list({ limit: 1, operation: 'space' })).records;
    expect(stored!.seq).toBe(body.seq);
  });

  it('joins a split word and a line-end hyphen, and reports each edit in input offsets', async () => {
    const text = 'The gover nment pub lished its perfor-\nmance report, self- made.';
    const result = await handler(
      albEvent({ method: 'POST', path: '/api/space', shape, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) }),
      lambdaContext(),
    );
    expect(result.statusCode).toBe(201);
    const body = jsonBody(result);
    expect(body.output).toBe('The government published its performance report, self-made.');
    expect(body.edits).toEqual([
      { offset: 9, length: 1, original: ' ', replacement: '' },
      { offset: 19, length: 1, original: ' ', replacement: '' },
      { offset: 37, length: 2, original: '-\n', replacement: '' },
      { offset: 58, length: 1, original: ' ', replacement: '' },
    ]);
    const [stored] = (await (await getStore()).list({ limit: 1, operation: 'space' })).records;
    expect(stored!.summary).toBe('3 spaces removed, 1 line-end hyphen removed');
  });
});
