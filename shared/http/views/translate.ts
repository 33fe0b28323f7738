import { counted } from '../../operations/operation.ts';
import type { FormLanguage, TranslateDetails, TranslateFormData } from '../../operations/translate.ts';
import type { Detection } from '../../translate/translator.ts';
import { languageName } from '../../text/language-name.ts';
import { html } from '../html.ts';
import { defineView } from './view.ts';

/** "French (fr)": the name a reader knows, and the code the API takes. */
const named = (code: string) => (languageName(code) === code ? code : `${languageName(code)} (${code})`);

/** "(detected; the words are Portuguese too: …)": a guess among languages the text reads as all of, said so. */
function detectionNote({ alternatives = [] }: Detection) {
  if (alternatives.length === 0) return html` (detected)`;
  const names = alternatives.map(languageName);
  if (names.length === 1) return html` (detected; the words are ${names[0]!} too: choose the source language if you meant ${names[0]!})`;
  return html` (detected; the words are also ${names.slice(0, -1).join(', ')} or ${names.at(-1)!}: choose the source language if you meant one of those)`;
}

const languageOption = ({ code, name, route }: FormLanguage) =>
  html`<option value="${code}">${name} (${code}${route ? ` via ${route.slice(1, -1).join(', ')}` : ''})</option>`;

export const translateView = defineView<TranslateDetails, TranslateFormData>({
  formFields: ({ languages = [], unavailable }) =>
    html`${unavailable ? html`<div class="error" role="note"><p><strong>Translation is not available here.</strong></p><p>${unavailable}</p></div>` : ''}<p><label>Source language <select name="source"><option value="auto" selected>detect</option>${languages.map(languageOption)}</select></label></p>`,
  sourceNote: ({ provider, detection, route, unknownWords }, sourceLanguage) => {
    const via = Array.isArray(route) && route.length > 2 ? html`: ${route.map(languageName).join(' → ')}` : '';
    return html`<p>${sourceLanguage ? html`Translated from ${named(sourceLanguage)}${detection ? detectionNote(detection) : ''}` : 'Translated'}${provider ? html` by ${provider}` : ''}${via}.${
      typeof unknownWords === 'number' ? html` ${unknownWords === 0 ? 'Every word was known to the engine.' : `${counted(unknownWords, 'word')} unknown to the engine, left as written.`}` : ''
    }</p>`;
  },
  resultDetails: () => '',
});
