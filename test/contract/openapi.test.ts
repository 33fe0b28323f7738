/** docs/openapi.yaml: lint-clean, in step with the code's codes and routes, and a contract that catches what breaks it. */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import document from '../../docs/openapi.yaml';
import { AppError, type ErrorCode } from '../../shared/errors.ts';
import { OPERATIONS } from '../../shared/operations/index.ts';
import { parseTag } from '../../shared/http/validation.ts';
import { contractViolations, type Exchange } from '../support/contract.ts';

const schemas = (document as any).components.schemas; // the document's structure, read field by field

it('passes redocly lint (recommended-strict), offline', () => {
  const env: NodeJS.ProcessEnv = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  delete env.NODE_OPTIONS;
  // recommended-strict (redocly.yaml): any warning fails too.
  const run = spawnSync('npx', ['redocly', 'lint'], { env, encoding: 'utf8' });
  const report = `${run.stdout}${run.stderr}`;
  expect({ status: run.status, report }).toEqual({ status: 0, report: expect.stringContaining('Your API description is valid') });
}, 60_000);

it('lists every error code the code can raise, with its status', () => {
  const codes = schemas.ErrorCode.enum as string[];
  const table = schemas.ErrorCode.description as string;
  // The WAF answers these, not the code; test/stack checks them against the firewall's responses.
  const answeredByTheFirewall = ['RATE_LIMITED', 'REQUEST_BLOCKED'];
  for (const code of codes.filter((c) => !answeredByTheFirewall.includes(c))) {
    const { status } = new AppError(code as ErrorCode, 'x');
    expect(table).toMatch(new RegExp(`\\| ${status} \\|[^\\n]*\`${code}\``));
  }
  expect(schemas.Operation.enum).toEqual([...OPERATIONS]);
});

describe('the Tag pattern says what the code accepts as an id', () => {
  const pattern = new RegExp(schemas.Tag.pattern, 'u');
  const accepts = (id: string) => {
    try {
      return parseTag(id, 'id') === id;
    } catch {
      return false;
    }
  };
  it.each([
    ['plain', 'batch-7', true],
    ['a ZWJ emoji', '👩‍💻', true],
    ['a flag and a skin tone', '🇫🇷 👍🏽', true],
    ['combining marks', 'e\u0301te\u0301', true],
    ['ZWNJ inside a word', 'می\u200Cخواهم', true],
    ['CJK and an ideographic space', '東京\u3000駅', true],
    ['symbols and punctuation', '<b>&"\'$€', true],
    ['spaces around a word', '  a  ', true],
    ['only spaces', '   ', false],
    ['only a no-break space', '\u00A0', false],
    ['only joiners', '\u200D\u200C', false],
    ['a tab', 'a\tb', false],
    ['a newline', 'a\nb', false],
    ['a line separator', 'a\u2028b', false],
    ['a bidi override', 'a\u202Eb', false],
    ['a soft hyphen (format)', 'a\u00ADb', false],
    ['a private-use character', 'a\uE000b', false],
    ['an unassigned code point', 'a\u0378b', false],
    ['a NUL', 'a\u0000b', false],
  ])('%s', (_name, id, printable) => {
    expect(accepts(id)).toBe(printable);
    expect(pattern.test(id)).toBe(printable);
  });
});

describe('the contract check', () => {
  const created = { seq: 1, id: null, operation: 'spell', input: 'Teh', output: 'The', createdAt: '2026-12-02T10:00:00.000Z', corrections: [{ offset: 0, length: 3, original: 'Teh', replacement: 'The', alternatives: [], confidence: 0.99, kind: 'spelling' }], flags: [], language: 'en', variant: 'en-US' };
  const exchange = (over: Partial<Exchange>): Exchange => ({
    method: 'POST', path: '/api/spell', status: 201, contentType: 'application/json; charset=utf-8', requestId: 'r-1', body: JSON.stringify(created), ...over,
  });

  it('accepts a valid response, and fields it does not know', () => {
    expect(contractViolations(exchange({}))).toEqual([]);
    expect(contractViolations(exchange({ body: JSON.stringify({ ...created, somethingNew: { a: 1 } }) }))).toEqual([]);
  });

  it.each([
    ['a missing required field', exchange({ body: JSON.stringify({ ...created, corrections: undefined }) }), /corrections/],
    ['a wrong type', exchange({ body: JSON.stringify({ ...created, seq: '1' }) }), /seq/],
    ['a bad timestamp', exchange({ body: JSON.stringify({ ...created, createdAt: 'yesterday' }) }), /createdAt/],
    ['a status the route does not list', exchange({ status: 202 }), /does not list/],
    ['no X-Request-Id', exchange({ requestId: undefined }), /X-Request-Id/],
    ['an error without requestId', exchange({ status: 400, body: '{"error":{"code":"VALIDATION_FAILED","message":"m"}}' }), /requestId/],
    ['an error whose requestId is not the header', exchange({ status: 400, body: '{"error":{"code":"VALIDATION_FAILED","message":"m","requestId":"other"}}' }), /is not X-Request-Id/],
    ['an unknown error code', exchange({ status: 400, body: '{"error":{"code":"OOPS","message":"m","requestId":"r-1"}}' }), /code/],
    ['a page where only JSON is documented', exchange({ method: 'GET', path: '/openapi.json', status: 200, contentType: 'text/html' }), /text\/html/],
    ['a path not in the document', exchange({ path: '/api/shout' }), /not in the document/],
  ])('rejects %s', (_name, bad, message) => {
    expect(contractViolations(bad).join('\n')).toMatch(message);
  });
});
