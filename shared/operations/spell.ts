import { codePoints, invalid, isAbsent, LONE_SURROGATE, PRINTABLE } from './field-checks.ts';
import { LANGUAGES, type SpellLanguage } from '../text/spell/variants.ts';
import { counted, defineOperation } from './operation.ts';

export interface SpellFields {
  /** The English variant(s) to check against. */
  language: SpellLanguage;
  /** Words this request never flags or changes. */
  ignore: string[];
}

export interface Finding {
  /** In the input; older or trimmed records may lack offsets and alternatives. */
  offset?: number;
  length?: number;
  original: string;
  alternatives?: string[];
}

export interface SpellDetails {
  corrections: Array<Finding & { replacement: string }>;
  flags: Array<Finding & { reason: string }>;
  /** The variant checked against, e.g. en-GB: the requested one, or for `en` the one the text reads as. */
  variant?: string;
  language?: SpellLanguage;
  [field: string]: unknown;
}

const MAX_IGNORED = 100;
const MAX_IGNORED_LENGTH = 64;

/** `language`: one of LANGUAGES, `en` when absent. */
function parseLanguage(value: unknown): SpellLanguage {
  if (isAbsent(value)) return 'en';
  const found = typeof value === 'string' ? LANGUAGES.find((language) => language.toLowerCase() === value.toLowerCase()) : undefined;
  if (!found) throw invalid(`language must be one of ${LANGUAGES.join(', ')}`);
  return found;
}

/** `ignore`: a JSON array of words, or (from a form) words separated by commas, spaces or lines. */
function parseIgnore(value: unknown): string[] {
  if (isAbsent(value)) return [];
  const words = typeof value === 'string' ? value.split(/[\s,]+/u).filter(Boolean) : value;
  if (!Array.isArray(words) || words.some((word) => typeof word !== 'string' || word.length === 0)) throw invalid('ignore must be a list of words');
  const list = words as string[];
  if (list.length > MAX_IGNORED) throw invalid(`ignore has ${list.length} words; the limit is ${MAX_IGNORED}`);
  if (list.some((word) => codePoints(word) > MAX_IGNORED_LENGTH)) throw invalid(`ignore's words may have at most ${MAX_IGNORED_LENGTH} characters`);
  if (list.some((word) => LONE_SURROGATE.test(word) || !PRINTABLE.test(word))) throw invalid('ignore may contain only printable characters');
  return list;
}

export const spell = defineOperation<'spell', SpellFields, SpellDetails>({
  name: 'spell',
  title: 'Spelling correction',
  action: 'Check spelling',
  description: 'Check the spelling of English text, American, British, Canadian or Australian, and choose among the suggested corrections.',
  noun: 'spelling',
  fields: ['language', 'ignore'],
  parse: (fields) => ({ language: parseLanguage(fields.language), ignore: parseIgnore(fields.ignore) }),
  answersSourceLanguage: false,
  summary: ({ details: { corrections = [], flags = [] } }) =>
    corrections.length + flags.length === 0 ? 'no corrections' : [corrections.length && counted(corrections.length, 'correction'), flags.length && counted(flags.length, 'flag')].filter(Boolean).join(', '),
});
