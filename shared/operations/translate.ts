import { invalid, isAbsent } from './field-checks.ts';
import type { Detection } from '../translate/translator.ts';
import { counted, defineOperation } from './operation.ts';

export interface TranslateFields {
  /** A language tag in one of Google v2's forms (`es`, `zh-TW`, `mni-Mtei`, `ceb`), or undefined to detect. */
  source?: string;
}

export interface TranslateDetails {
  provider: string;
  detection?: Detection;
  /** The languages a chain went through, source first. */
  route?: string[];
  /** Words the engine left untranslated (Apertium). */
  unknownWords?: number;
  [field: string]: unknown;
}

/** A language the form offers; `route` names the languages of a chain. */
export interface FormLanguage {
  code: string;
  name: string;
  route?: readonly string[];
}

/** What the handler supplies from its engine: GET lists it (JSON `languages`, the form's select). */
export interface TranslateFormData {
  languages: readonly FormLanguage[];
  /** Why nothing can be translated, and how to configure an engine, when none is. */
  unavailable?: string;
}

// Google v2's forms: ISO 639-1 ("es") or three letters ("ceb"), then a script ("mni-Mtei") or region ("zh-TW", "es-419").
const LANGUAGE_TAG = /^([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|\d{3}))?$/i;

/** BCP-47's casing: "ZH-tw" → "zh-TW", "mni-mtei" → "mni-Mtei". */
function canonicalTag(tag: string): string {
  const [, language, script, region] = LANGUAGE_TAG.exec(tag)!;
  return [language!.toLowerCase(), script && script[0]!.toUpperCase() + script.slice(1).toLowerCase(), region?.toUpperCase()].filter(Boolean).join('-');
}

function parse({ source, target }: Record<string, unknown>): TranslateFields {
  const fields: TranslateFields = {};
  if (!isAbsent(source) && source !== 'auto') {
    if (typeof source !== 'string' || !LANGUAGE_TAG.test(source)) {
      throw invalid('source must be a language code such as "es", "zh-TW", "mni-Mtei" or "ceb", or "auto"');
    }
    fields.source = canonicalTag(source);
  }
  if (!isAbsent(target) && (typeof target !== 'string' || target.toLowerCase() !== 'en')) {
    throw invalid('target must be "en": this service translates into English only');
  }
  return fields;
}

export const translate = defineOperation<'translate', TranslateFields, TranslateDetails>({
  name: 'translate',
  title: 'Translate into English',
  action: 'Translate',
  description: 'Translate text from another language into English, with the source language detected and named and unknown words counted.',
  noun: 'translation',
  fields: ['source', 'target'],
  parse,
  answersSourceLanguage: true,
  summary: ({ details: { provider, route, detection, unknownWords } }) =>
    [
      provider && `by ${provider}`,
      Array.isArray(route) && route.length > 2 && `through ${route.slice(1, -1).join(', ')}`,
      detection && 'language detected',
      typeof unknownWords === 'number' && unknownWords > 0 && counted(unknownWords, 'unknown word'),
    ]
      .filter(Boolean)
      .join(', '),
});
