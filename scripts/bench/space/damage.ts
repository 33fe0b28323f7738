/**
 * The damage PDFs and scans do to clean text, made reproducibly from each sentence's hash: spaces
 * inserted inside words, words hyphenated where TeX's patterns allow across a line end (or before a space),
 * and spaces deleted between words; and how many of a clean sentence's words a repair gives back.
 */
import { createRequire } from 'node:module';
import { stableHash } from '../halves.ts';

const { hyphenateSync } = createRequire(import.meta.url)('hyphen/en-us') as { hyphenateSync(text: string, options: { hyphenChar: string; minWordLength: number }): string };

/** Shares of words damaged each way (a sentence gets at least one damage). */
const SPLIT_SHARE = 0.12;
const HYPHEN_SHARE = 0.08;
const GLUE_SHARE = 0.08;
const WORD = /^([^A-Za-z]*)([A-Za-z]+)([^A-Za-z]*)$/u;
const SOFT_HYPHEN = '\u00ad';
const LEFT_HYPHEN_MIN = 2;
const RIGHT_HYPHEN_MIN = 3;

export interface Damaged {
  text: string;
  /** Indices (in the clean sentence's words split at spaces) of the words damaged. */
  damaged: Set<number>;
}

/** Mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Where TeX's en-us hyphenation patterns (Liang's, from the npm `hyphen` package) allow a break in the
 * word, with TeX's en-us minimums: two letters at least before a break and three after.
 */
export function hyphenationBreaks(word: string): number[] {
  const pieces = hyphenateSync(word.toLowerCase(), { hyphenChar: SOFT_HYPHEN, minWordLength: 1 }).split(SOFT_HYPHEN);
  const breaks: number[] = [];
  let at = 0;
  for (const piece of pieces.slice(0, -1)) {
    at += piece.length;
    if (at >= LEFT_HYPHEN_MIN && word.length - at >= RIGHT_HYPHEN_MIN) breaks.push(at);
  }
  return breaks;
}

/** The sentence damaged: the same every run for the same sentence and variant. */
export function damage(sentence: string, variant: number): Damaged {
  const next = random(stableHash(`${variant}:${sentence}`));
  const words = sentence.split(' ');
  for (let attempt = 0; ; attempt++) {
    const damaged = new Set<number>();
    let text = '';
    words.forEach((word, k) => {
      const parts = WORD.exec(word);
      let out = word;
      const roll = next();
      if (parts) {
        const [, before, core, after] = parts as unknown as [string, string, string, string];
        const breaks = hyphenationBreaks(core);
        if (roll < SPLIT_SHARE && core.length >= 5) {
          const at = 2 + Math.floor(next() * (core.length - 3));
          out = `${before}${core.slice(0, at)} ${core.slice(at)}${after}`;
          damaged.add(k);
        } else if (roll < SPLIT_SHARE + HYPHEN_SHARE && core.length >= 6 && breaks.length && !after) {
          const at = breaks[Math.floor(next() * breaks.length)]!;
          out = `${before}${core.slice(0, at)}-${next() < 0.5 ? '\n' : ' '}${core.slice(at)}`;
          damaged.add(k);
        }
      }
      const glue = k + 1 < words.length && next() < GLUE_SHARE;
      if (glue) damaged.add(k).add(k + 1);
      text += out + (k + 1 < words.length && !glue ? ' ' : '');
    });
    if (damaged.size || attempt >= 20) return { text, damaged };
  }
}

/** A word's letters and digits, lower case: what the loose measure compares. */
const key = (text: string): string => text.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

/** Each word by where its letters and digits start and end in the text with everything else left out. */
function spans(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let at = 0;
  for (const word of text.split(/\s+/u)) {
    const letters = key(word).length;
    if (!letters) continue;
    out.set(`${at}:${at + letters}`, word);
    at += letters;
  }
  return out;
}

/**
 * Per clean word (split at spaces): whether the output has it exactly (same characters, same
 * place), and whether it has it ignoring case and punctuation (a peer that drops them still gets the
 * word boundaries right).
 */
export function wordsKept(clean: string, output: string): Array<{ exact: boolean; loose: boolean }> {
  const got = spans(output);
  const sameLetters = key(clean) === key(output);
  let at = 0;
  return clean.split(' ').map((word) => {
    const letters = key(word).length;
    const span = `${at}:${at + letters}`;
    at += letters;
    const found = got.get(span);
    if (!letters) return { exact: output.includes(word), loose: true };
    return { exact: found === word, loose: sameLetters ? found !== undefined : found !== undefined && key(found) === key(word) };
  });
}
