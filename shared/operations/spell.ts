import { html } from '../http/html.ts';
import { codePoints, invalid, isAbsent, LONE_SURROGATE, PRINTABLE } from '../http/field-checks.ts';
import { LANGUAGES, type SpellLanguage } from '../text/spell/variants.ts';
import { counted, defineOperation } from './operation.ts';

export interface SpellFields {
  /** The English variant(s) to check against. */
  language: SpellLanguage;
  /** Words this request never flags or changes. */
  ignore: string[];
}

export interface SpellDetails {
  corrections: Array<{ original: string; replacement: string }>;
  flags: Array<{ original: string; reason: string }>;
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
  noun: 'spelling',
  fields: ['language', 'ignore'],
  parse: (fields) => ({ language: parseLanguage(fields.language), ignore: parseIgnore(fields.ignore) }),
  answersSourceLanguage: false,
  formFields: () => html`<p><label>English <select name="language">${LANGUAGES.map((language) => html`<option value="${language}">${language === 'en' ? 'any variant (en)' : language}</option>`)}</select></label></p>
<p><label>Words to leave alone (separated by spaces or commas) <input name="ignore" maxlength="6500"></label></p>`,
  summary: ({ details: { corrections = [], flags = [] } }) =>
    corrections.length + flags.length === 0 ? 'no corrections' : [corrections.length && counted(corrections.length, 'correction'), flags.length && counted(flags.length, 'flag')].filter(Boolean).join(', '),
  resultDetails: ({ corrections, flags }) => html`${corrections?.length ? html`<h2>Corrections</h2><ul>${corrections.map((c) => html`<li>${c.original} → ${c.replacement}</li>`)}</ul>` : ''}
${flags?.length ? html`<h2>Left as written</h2><ul>${flags.map((f) => html`<li>${f.original} <span class="muted">(${f.reason})</span></li>`)}</ul>` : ''}`,
});
