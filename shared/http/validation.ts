import { AppError } from '../errors.ts';
import { OPERATIONS, type Operation, type PageRequest } from '../db/record.ts';
import { LANGUAGES, type SpellLanguage } from '../text/spell/variants.ts';

export interface OperationInput {
  text: string;
  id: string | null;
  /** A language tag in one of Google v2's forms (`es`, `zh-TW`, `mni-Mtei`, `ceb`), or undefined to detect. */
  source?: string;
  /** Spell only: the English variant(s) to check against. */
  language?: SpellLanguage;
  /** Spell only: words this request never flags or changes. */
  ignore?: string[];
}

const MAX_IGNORED = 100;
const MAX_IGNORED_LENGTH = 64;

/** Spell's `language`: one of LANGUAGES, `en` when absent. */
function parseLanguage(value: unknown): SpellLanguage {
  if (value === undefined || value === null || value === '') return 'en';
  const found = typeof value === 'string' ? LANGUAGES.find((language) => language.toLowerCase() === value.toLowerCase()) : undefined;
  if (!found) throw invalid(`language must be one of ${LANGUAGES.join(', ')}`);
  return found;
}

/** Spell's `ignore`: a JSON array of words, or (from a form) words separated by commas, spaces or lines. */
function parseIgnore(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  const words = typeof value === 'string' ? value.split(/[\s,]+/u).filter(Boolean) : value;
  if (!Array.isArray(words) || words.some((word) => typeof word !== 'string' || word.length === 0)) throw invalid('ignore must be a list of words');
  if (words.length > MAX_IGNORED) throw invalid(`ignore has ${words.length} words; the limit is ${MAX_IGNORED}`);
  const long = (words as string[]).find((word) => codePoints(word) > MAX_IGNORED_LENGTH);
  if (long !== undefined) throw invalid(`ignore's words may have at most ${MAX_IGNORED_LENGTH} characters`);
  if ((words as string[]).some((word) => LONE_SURROGATE.test(word) || !PRINTABLE.test(word))) throw invalid('ignore may contain only printable characters');
  return words as string[];
}

const invalid = (message: string) => new AppError('VALIDATION_FAILED', message);
const codePoints = (s: string) => [...s].length;
// Letters, marks, numbers, punctuation, symbols and spaces; no control, format or unassigned characters.
const PRINTABLE = /^[^\p{C}]+$/u;
const MAX_ID = 64;
const LONE_SURROGATE = /\p{Cs}/u;
// Google v2's forms: ISO 639-1 ("es") or three letters ("ceb"), then a script ("mni-Mtei") or region ("zh-TW", "es-419").
const LANGUAGE_TAG = /^([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|\d{3}))?$/i;

/** BCP-47's casing: "ZH-tw" → "zh-TW", "mni-mtei" → "mni-Mtei". */
function canonicalTag(tag: string): string {
  const [, language, script, region] = LANGUAGE_TAG.exec(tag)!;
  return [language!.toLowerCase(), script && script[0]!.toUpperCase() + script.slice(1).toLowerCase(), region?.toUpperCase()].filter(Boolean).join('-');
}

function parseTag(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw invalid(`${field} must be a string`);
  if (codePoints(value) > MAX_ID) throw invalid(`${field} has ${codePoints(value)} characters; the limit is ${MAX_ID}`);
  if (!PRINTABLE.test(value)) throw invalid(`${field} may contain only printable characters`);
  return value;
}

export function validateOperationInput(fields: Record<string, unknown>, operation: Operation, maxTextChars: number): OperationInput {
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
  const input: OperationInput = { text, id: parseTag(fields.id, 'id') };
  if (operation === 'spell') {
    input.language = parseLanguage(fields.language);
    input.ignore = parseIgnore(fields.ignore);
  }
  if (operation === 'translate') {
    const { source, target } = fields;
    if (source !== undefined && source !== null && source !== '' && source !== 'auto') {
      if (typeof source !== 'string' || !LANGUAGE_TAG.test(source)) {
        throw invalid('source must be a language code such as "es", "zh-TW", "mni-Mtei" or "ceb", or "auto"');
      }
      input.source = canonicalTag(source);
    }
    if (target !== undefined && target !== null && target !== '' && (typeof target !== 'string' || target.toLowerCase() !== 'en')) {
      throw invalid('target must be "en": this service translates into English only');
    }
  }
  return input;
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
  if (query.format !== undefined && query.format !== 'json' && query.format !== 'html') {
    throw invalid('format must be json or html');
  }
  return request;
}
