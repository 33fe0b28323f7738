/** JSON that keeps 64-bit integers exact both ways (JSON.parse would round longValue > 2^53). */
import { AwsError, badRequest } from './errors.ts';

export type Json = null | boolean | number | bigint | string | Json[] | { [key: string]: Json };

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

export function parseJson(text: string): Json {
  let i = 0;
  const fail = (): never => {
    throw new AwsError('SerializationException', 400, 'The request body is not valid JSON.');
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const readString = (): string => {
    const start = i++;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '\\') i += 2;
      else if (ch === '"') return JSON.parse(text.slice(start, ++i)) as string;
      else i++;
    }
    return fail();
  };
  const readValue = (): Json => {
    skipSpace();
    const ch = text[i];
    if (ch === '"') return readString();
    if (ch === '{') {
      i++;
      const out: { [key: string]: Json } = {};
      skipSpace();
      if (text[i] === '}') return i++, out;
      for (;;) {
        skipSpace();
        if (text[i] !== '"') fail();
        const key = readString();
        skipSpace();
        if (text[i++] !== ':') fail();
        const value = readValue();
        if (key !== '__proto__') out[key] = value;
        skipSpace();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return i++, out;
        else fail();
      }
    }
    if (ch === '[') {
      i++;
      const out: Json[] = [];
      skipSpace();
      if (text[i] === ']') return i++, out;
      for (;;) {
        out.push(readValue());
        skipSpace();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return i++, out;
        else fail();
      }
    }
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (!match) return fail();
    i = NUMBER.lastIndex;
    const n = Number(match[0]);
    if (match[1] === undefined && match[2] === undefined && !Number.isSafeInteger(n)) return BigInt(match[0]);
    return n;
  };
  try {
    const value = readValue();
    skipSpace();
    if (i !== text.length) fail();
    return value;
  } catch (error) {
    if (error instanceof AwsError) throw error;
    return fail();
  }
}

export function toJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  const parts: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) parts.push(`${JSON.stringify(key)}:${toJson(item)}`);
  }
  return `{${parts.join(',')}}`;
}

export const isObject = (value: unknown): value is { [key: string]: Json } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A request's string field that must be present and non-empty. */
export function requireString(input: { [key: string]: Json }, key: string): string {
  const value = input[key];
  if (typeof value !== 'string' || value === '') throw badRequest(`${key} is required`);
  return value;
}
