/**
 * POST bodies the operation routes must refuse, one per row of the error table (`ErrorCode` in
 * docs/openapi.yaml): shared by the HTTP edge test (a stand-in processor) and the robustness table
 * (the real handlers).
 */
import type { EventOptions } from './alb.ts';

export type BadRequest = [name: string, options: EventOptions, status: number, code: string];

const JSON_TYPE = { 'content-type': 'application/json' };
const big = 'x'.repeat(300 * 1024);

export const BAD_OPERATION_REQUESTS: BadRequest[] = [
  ['invalid JSON', { headers: JSON_TYPE, body: '{"text":' }, 400, 'INVALID_JSON'],
  ['JSON null', { headers: JSON_TYPE, body: 'null' }, 400, 'VALIDATION_FAILED'],
  ['a JSON array', { headers: JSON_TYPE, body: '[{"text":"a"}]' }, 400, 'VALIDATION_FAILED'],
  ['a JSON number', { headers: JSON_TYPE, body: '42' }, 400, 'VALIDATION_FAILED'],
  ['no text', { headers: JSON_TYPE, body: '{}' }, 400, 'VALIDATION_FAILED'],
  ['blank text', { headers: JSON_TYPE, body: '{"text":" \\n\\t "}' }, 400, 'VALIDATION_FAILED'],
  ['numeric text', { headers: JSON_TYPE, body: '{"text":5}' }, 400, 'VALIDATION_FAILED'],
  ['an empty body', { headers: JSON_TYPE }, 400, 'INVALID_JSON'],
  ['an empty form', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' }, 400, 'VALIDATION_FAILED'],
  ['text over the limit', { headers: JSON_TYPE, body: JSON.stringify({ text: 'y'.repeat(10_001) }) }, 413, 'TEXT_TOO_LONG'],
  ['a body over 256 KiB', { headers: JSON_TYPE, body: JSON.stringify({ text: big }) }, 413, 'BODY_TOO_LARGE'],
  ['a base64 body over 256 KiB', { headers: JSON_TYPE, body: JSON.stringify({ text: big }), base64: true }, 413, 'BODY_TOO_LARGE'],
  ['text/plain', { headers: { 'content-type': 'text/plain' }, body: 'hello' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['no content type', { body: '{"text":"a"}' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['a non-UTF-8 charset', { headers: { 'content-type': 'application/json; charset=iso-8859-1' }, body: '{"text":"a"}' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['invalid UTF-8', { headers: JSON_TYPE, body: Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }, 400, 'VALIDATION_FAILED'],
  ['an id over 64 characters', { headers: JSON_TYPE, body: JSON.stringify({ text: 'a', id: 'i'.repeat(65) }) }, 400, 'VALIDATION_FAILED'],
  ['an id with a control character', { headers: JSON_TYPE, body: JSON.stringify({ text: 'a', id: 'a\u0007b' }) }, 400, 'VALIDATION_FAILED'],
  ['a numeric id', { headers: JSON_TYPE, body: '{"text":"a","id":7}' }, 400, 'VALIDATION_FAILED'],
  ['a text body marked not UTF-8 (a lone surrogate: the offline server\'s mark for invalid bytes)', { headers: JSON_TYPE, body: '{"text":"caf\uDCFD"}' }, 400, 'VALIDATION_FAILED'],
  ['an id of only spaces', { headers: JSON_TYPE, body: JSON.stringify({ text: 'a', id: '   ' }) }, 400, 'VALIDATION_FAILED'],
  ['an id with a line separator', { headers: JSON_TYPE, body: JSON.stringify({ text: 'a', id: 'a\u2028b' }) }, 400, 'VALIDATION_FAILED'],
];
