/** Running text: costs that are not per misspelling, on prose cut from Pride and Prejudice. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quantile } from '../stats.ts';
import { DATA, GOALS, type Timings } from './options.ts';
import type { Case } from './suggestion-sets.ts';

let sentenceCache: string[] | undefined;

/** The sentences of seg-sentences.jsonl (Pride and Prejudice), read once: the running-text texts are all cut from them. */
export function proseSentences(): string[] {
  sentenceCache ??= readFileSync(join(DATA, 'seg-sentences.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { sentence: string }).sentence);
  return sentenceCache;
}

/** 1,200 words of Pride and Prejudice with 300 of them misspelled (from the sets where possible). */
export function runningText(sets: Record<string, Case[]>, rejects: (word: string) => boolean): { text: string; misspelled: string[]; intended: string[] } {
  const sentences = proseSentences();
  const known = new Map<string, string>();
  for (const cases of Object.values(sets)) for (const { wrong, right } of cases) if (!known.has(right[0]!)) known.set(right[0]!, wrong);
  const words: string[] = [];
  for (const sentence of sentences) {
    if (words.length >= 1200) break;
    words.push(...sentence.split(/\s+/).slice(0, 1200 - words.length));
  }
  const misspelled: string[] = [];
  const intended: string[] = [];
  // Lower-case words of four letters or more, spread evenly over the text (about every third word).
  const eligible = words.flatMap((w, i) => (/^[^A-Za-z]*[a-z]{4,}[^A-Za-z]*$/.test(w) ? [i] : []));
  const step = Math.max(1, eligible.length / 330);
  for (let k = 0; Math.floor(k * step) < eligible.length && misspelled.length < 300; k++) {
    const i = eligible[Math.floor(k * step)]!;
    const [, before, word, after] = /^([^A-Za-z]*)([a-z]+)([^A-Za-z]*)$/.exec(words[i]!)!;
    // A recorded human misspelling of this word, else a transposition of two inner letters.
    let wrong = known.get(word!) ?? word!.slice(0, 1) + word![2] + word![1] + word!.slice(3);
    if (!rejects(wrong)) wrong = word!.slice(0, -2) + word!.at(-1) + word!.at(-2);
    if (!rejects(wrong)) continue;
    words[i] = before + wrong + after;
    misspelled.push(wrong);
    intended.push(word!);
  }
  return { text: words.join(' '), misspelled, intended };
}

/** Prose from seg-sentences.jsonl cut to `chars`, with every `every`-th word replaced by the next unused misspelling. */
function prose(chars: number, every: number, misspellings: Iterator<string>, skipSentences: number): string {
  const sentences = proseSentences();
  const words = [...sentences.slice(skipSentences), ...sentences.slice(0, skipSentences)].join(' ').split(' ');
  // Only the words that end up in the text take a misspelling, so none is used up unseen.
  let length = 0;
  for (let i = 0; i < words.length && length < chars; i++) {
    if ((i + 1) % every === 0) {
      const next = misspellings.next();
      if (next.done) throw new Error('the bench ran out of unseen misspellings');
      words[i] = next.value;
    }
    length += words[i]!.length + 1;
  }
  return words.join(' ').slice(0, chars);
}

/** Costs that are not per misspelling: a correct word, and 10,000-character texts on a warm instance. */
export async function runningTextCosts(sets: Record<string, Case[]>, timings: Timings): Promise<string[]> {
  const { createSpellChecker } = await import('../../../shared/text/spell/spell-checker.ts');
  // Each text gets misspellings no other text has, so nothing comes from an instance's cache.
  // In a fixed pseudo-random order: the list is alphabetical, and its stretches differ in difficulty.
  const scramble = (word: string) => [...word].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 0x01000193), 0x811c9dc5) >>> 0;
  const misspellings = [...new Set(sets.wikipedia!.map((c) => c.wrong))].sort((a, b) => scramble(a) - scramble(b)).values();
  const warmUp = prose(10_000, 4, misspellings, 0);
  const clean = prose(10_000, Infinity, misspellings, 50);
  const densities = [20, 4].map((every) => ({ every, texts: Array.from({ length: 5 }, (_, k) => prose(10_000, every, misspellings, (every === 20 ? 100 : 150) + 7 * k)) }));
  const checker = createSpellChecker();
  checker.correct(warmUp);
  const cleanWords = clean.split(/\s+/).length;
  const runs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    checker.correct(clean);
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  const lines = [`Correct words: ${((quantile(runs, 0.5) / cleanWords) * 1000).toFixed(2)} µs per word (10,000 characters of correctly spelled prose, ${quantile(runs, 0.5).toFixed(1)} ms, median of 20).`];
  const measure = (instance: typeof checker, texts: string[]) => {
    let corrections = 0;
    const runs = texts.map((text) => {
      const t = performance.now();
      corrections = instance.correct(text).corrections.length;
      return performance.now() - t;
    });
    const first = runs[0]!;
    runs.sort((a, b) => a - b);
    return { corrections, first, median: runs[2]!, slowest: runs[4]! };
  };
  // The median is what an instance takes after its first request, the first run what the first
  // such request after the warm-up takes: Node's JIT is still optimising the engine then.
  for (const { every, texts } of densities) {
    const { corrections, first, median, slowest } = measure(checker, texts);
    timings.text[every] = { median, steady: NaN };
    lines.push(`10,000 characters with every ${every}th word misspelled (about ${corrections} corrections each, none seen before), 5 texts: median ${median.toFixed(1)} ms, first ${first.toFixed(1)} ms, slowest ${slowest.toFixed(1)} ms (goal < ${GOALS.textMs} ms).`);
  }
  // A long-running instance: a second one in this process, whose code the JIT has optimised on the
  // first's work, given the same warm-up and texts (its cache holds none of their misspellings).
  const steady = createSpellChecker();
  steady.correct(warmUp);
  const steadyRuns = densities.map(({ every, texts }) => {
    const { median, slowest } = measure(steady, texts);
    timings.text[every]!.steady = median;
    return `every ${every}th word misspelled median ${median.toFixed(1)} ms (slowest ${slowest.toFixed(1)} ms)`;
  });
  lines.push(`The same warm-up and texts on a long-running instance (the JIT warm, none of them cached): ${steadyRuns.join('; ')}.`);
  return lines;
}
