import { AppError } from '../errors.ts';
import type { PageRequest } from '../db/record.ts';
import { OPERATIONS, type Operation } from '../model.ts';
import { BLANK, codePoints, invalid, isAbsent, LONE_SURROGATE, PRINTABLE } from '../operations/field-checks.ts';

/** What every operation is given; each adds the fields its descriptor parses. */
export interface OperationInput {
  text: string;
  id: string | null;
}

const MAX_ID = 64;

export function parseTag(value: unknown, field: string): string | null {
  if (isAbsent(value)) return null;
  if (typeof value !== 'string') throw invalid(`${field} must be a string`);
  if (codePoints(value) > MAX_ID) throw invalid(`${field} has ${codePoints(value)} characters; the limit is ${MAX_ID}`);
  if (!PRINTABLE.test(value)) throw invalid(`${field} may contain only printable characters`);
  // Refused rather than read as no id: a tag nobody can see would match nothing a user could type.
  if (BLANK.test(value)) throw invalid(`${field} must not be only spaces; leave it empty for no id`);
  return value;
}

/** text and id, then the operation's own fields, parsed by its descriptor. */
export function validateOperationInput<Fields extends object>(
  fields: Record<string, unknown>,
  parseOwn: (fields: Record<string, unknown>) => Fields,
  maxTextChars: number,
): OperationInput & Fields {
  const { text } = fields;
  if (text === undefined || text === null) throw invalid('text is required');
  if (typeof text !== 'string') throw invalid('text must be a string');
  // JSON can carry "\ud800"; a store would keep U+FFFD instead, so the record would not be the input.
  if (LONE_SURROGATE.test(text)) throw invalid('text is not valid Unicode (it has an unpaired surrogate)');
  const length = codePoints(text.trim());
  if (length === 0) throw invalid('text must not be empty');
  if (length > maxTextChars) {
    throw new AppError('TEXT_TOO_LONG', `text has ${length} characters; the limit is ${maxTextChars}`);
  }
  return { text, id: parseTag(fields.id, 'id'), ...parseOwn(fields) };
}

export const MAX_PAGE = 200;
export const DEFAULT_PAGE = 50;

export const encodeCursor = (beforeSeq: number): string => Buffer.from(`v1:${beforeSeq}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^v1:([1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const seq = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(seq)) throw invalid('cursor is not valid; use the "next" value of the previous page');
  return seq;
}

export function validateListQuery(query: Record<string, string>): PageRequest {
  const request: PageRequest = { limit: DEFAULT_PAGE };
  // An empty field is what the home page's filter form sends when the box is cleared: the default.
  if (query.limit !== undefined && query.limit !== '') {
    const limit = Number(query.limit);
    if (!/^\d+$/.test(query.limit) || limit < 1 || limit > MAX_PAGE) {
      throw invalid(`limit must be a whole number from 1 to ${MAX_PAGE}`);
    }
    request.limit = limit;
  }
  if (query.cursor) request.beforeSeq = decodeCursor(query.cursor);
  const id = parseTag(query.id, 'id');
  if (id !== null) request.id = id;
  if (query.operation) {
    if (!(OPERATIONS as readonly string[]).includes(query.operation)) {
      throw invalid(`operation must be one of ${OPERATIONS.join(', ')}`);
    }
    request.operation = query.operation as Operation;
  }
  checkFormat(query);
  return request;
}

function checkFormat(query: Record<string, string>): void {
  if (query.format !== undefined && query.format !== 'json' && query.format !== 'html') {
    throw invalid('format must be json or html');
  }
}

/** `seq`, the number of one record to show; undefined (absent or empty) for the list. */
export function validateRecordQuery(query: Record<string, string>): number | undefined {
  if (query.seq === undefined || query.seq === '') return undefined;
  const seq = Number(query.seq);
  if (!/^[1-9]\d{0,15}$/.test(query.seq) || !Number.isSafeInteger(seq)) throw invalid('seq must be a record number: a whole number from 1');
  checkFormat(query);
  return seq;
}
