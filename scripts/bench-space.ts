/**
 * npm run bench:space — the space engine against two baselines on ../shared/data/seg-sentences.jsonl
 * (200 sentences from Pride and Prejudice; not part of this repository):
 * - word F1 and exact sentences: `input` (lower case, no spaces) → `words`;
 * - full fidelity: each `sentence` with its spaces removed must come back exactly as `sentence`;
 * - µs per character: median over the sentences of the time to segment `input`, per character;
 * - load ms: import + build in a fresh Node process (the engine bundled by esbuild as for Lambda);
 * - scaling: µs per character on 1k, 10k and 100k characters of run-together text.
 * The engine is bundled first because its word lists are imported as text, which only the bundler
 * (and jest's transform) understands.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './bench-stats.ts';

interface Sample {
  input: string;
  words: string[];
  sentence: string;
}

interface Contender {
  name: string;
  segment(text: string): string;
  loadMs: number;
}

const root = join(import.meta.dirname, '..');
const dataFile = join(root, '..', 'shared', 'data', 'seg-sentences.jsonl');
if (!existsSync(dataFile)) {
  console.error(`bench:space: ${dataFile} is missing; it holds the public test sentences (see ../shared/data/SOURCES.md). Nothing measured.`);
  process.exit(1);
}
const samples: Sample[] = readFileSync(dataFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Sample);

const work = mkdtempSync(join(tmpdir(), 'bench-space-'));
const engineBundle = join(work, 'segmenter.mjs');
await build({
  entryPoints: [join(root, 'shared/text/space/segmenter.ts')],
  outfile: engineBundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  loader: { '.txt': 'text' },
  logLevel: 'warning',
});

/** Median over three fresh processes of the milliseconds from before the import to a ready engine. */
function freshLoadMs(script: string): number {
  const runs = [0, 1, 2].map(() => Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }).trim()));
  return median(runs);
}

// Baseline 1, the wordninja method: unigram Viterbi where the word of rank r costs ln((r + 1)·ln N)
// over wordninja's own list (shipped in the wordsninja package); a piece not in the list is impossible
// unless nothing else fits.
const require = createRequire(import.meta.url);
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

const contenders: Contender[] = [];
{
  const started = performance.now();
  const engine = (await import(pathToFileURL(engineBundle).href)) as typeof import('../shared/text/space/segmenter.ts');
  const segmenter = engine.createSegmenter();
  const inProcess = performance.now() - started;
  const loadMs = freshLoadMs(
    `const t = performance.now(); const m = await import(${JSON.stringify(pathToFileURL(engineBundle).href)}); m.createSegmenter(); console.log(performance.now() - t);`,
  );
  contenders.push({ name: 'this engine (unigram + bigram Viterbi, SymSpell lists)', segment: (text) => segmenter.segment(text), loadMs: loadMs || inProcess });
}
{
  const split = wordninjaMethod();
  const loadMs = freshLoadMs(
    `const t = performance.now(); const fs = await import('node:fs'); const w = JSON.parse(fs.readFileSync(${JSON.stringify(wordsPath)}, 'utf8')); const m = new Map(); const l = Math.log(w.length); w.forEach((x, r) => m.set(x, Math.log((r + 1) * l))); console.log(performance.now() - t);`,
  );
  contenders.push({ name: 'baseline: wordninja method (unigram Viterbi, Zipf costs, its list)', segment: lettersOnly(split), loadMs });
}
{
  const WordsNinja = require('wordsninja') as new () => { loadDictionary(): Promise<unknown>; splitSentence(text: string): string[] };
  const ninja = new WordsNinja();
  await ninja.loadDictionary();
  const loadMs = freshLoadMs(
    `const t = performance.now(); const { createRequire } = await import('node:module'); const W = createRequire(${JSON.stringify(join(root, 'package.json'))})('wordsninja'); await new W().loadDictionary(); console.log(performance.now() - t);`,
  );
  contenders.push({ name: '`wordsninja` (npm)', segment: lettersOnly((run) => ninja.splitSentence(run)), loadMs });
}

/** Character spans of the words, so a word counts as right only if both its ends are. */
function spans(words: string[]): Set<string> {
  const out = new Set<string>();
  let at = 0;
  for (const word of words) {
    out.add(`${at}:${at + word.length}`);
    at += word.length;
  }
  return out;
}

function timeMicrosPerChar(segment: (text: string) => string, text: string, repeat: number): number {
  const started = performance.now();
  for (let k = 0; k < repeat; k++) segment(text);
  return ((performance.now() - started) * 1000) / repeat / text.length;
}

interface Row {
  name: string;
  f1: number;
  exact: number;
  fidelity: number;
  microsPerChar: number;
  loadMs: number;
}

const rows: Row[] = [];
for (const contender of contenders) {
  let correct = 0;
  let predicted = 0;
  let gold = 0;
  let exact = 0;
  let fidelity = 0;
  const perChar: number[] = [];
  for (const sample of samples) {
    const words = contender.segment(sample.input).split(' ').filter(Boolean);
    const want = spans(sample.words);
    const got = spans(words);
    for (const span of got) if (want.has(span)) correct++;
    predicted += got.size;
    gold += want.size;
    if (words.join(' ') === sample.words.join(' ')) exact++;
    if (contender.segment(sample.sentence.replace(/\s+/g, '')) === sample.sentence) fidelity++;
  }
  for (const sample of samples) timeMicrosPerChar(contender.segment, sample.input, 2);
  for (const sample of samples) perChar.push(timeMicrosPerChar(contender.segment, sample.input, 10));
  const precision = correct / predicted;
  const recall = correct / gold;
  rows.push({
    name: contender.name,
    f1: (2 * precision * recall) / (precision + recall),
    exact: exact / samples.length,
    fidelity: fidelity / samples.length,
    microsPerChar: median(perChar),
    loadMs: contender.loadMs,
  });
}

const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;
console.log(`${samples.length} sentences from ${dataFile}, Node ${process.versions.node}\n`);
console.log('| segmenter | word F1 | exact sentences | full-fidelity exact | µs per character (median) | load ms (fresh process) |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) {
  console.log(`| ${row.name} | ${(row.f1 * 100).toFixed(2)} % | ${percent(row.exact)} | ${percent(row.fidelity)} | ${row.microsPerChar.toFixed(2)} | ${row.loadMs.toFixed(0)} |`);
}

// Scaling: the sentences' inputs run together without any space, so the whole text is one run.
const all = samples.map((sample) => sample.input).join('');
console.log('\n| text length (one run, no spaces) | this engine µs per character | wordninja method µs per character |');
console.log('|---|---|---|');
const scaling: number[] = [];
for (const length of [1_000, 10_000, 100_000]) {
  const text = all.repeat(Math.ceil(length / all.length)).slice(0, length);
  const repeat = Math.max(1, Math.round(200_000 / length));
  const ours = median([0, 1, 2].map(() => timeMicrosPerChar(contenders[0]!.segment, text, repeat)));
  const baseline = median([0, 1, 2].map(() => timeMicrosPerChar(contenders[1]!.segment, text, repeat)));
  scaling.push(ours);
  console.log(`| ${length.toLocaleString('en')} | ${ours.toFixed(2)} | ${baseline.toFixed(2)} |`);
}
console.log(`\nlargest / smallest µs per character across lengths (this engine): ${(Math.max(...scaling) / Math.min(...scaling)).toFixed(2)}×`);
console.log('Baselines split letters only; for full fidelity they also get a space after , ; : ! ? . before a letter.');
rmSync(work, { recursive: true, force: true });
