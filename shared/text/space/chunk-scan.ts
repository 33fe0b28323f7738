/**
 * The scan of one whitespace-free chunk: what it has written so far and what came last, which
 * decides whether the next piece glued to it gets a space; and the lookups the chunk rules
 * (segmenter.ts) make ahead of the scan.
 */
import { emojiEnd, numberEnd, otherScriptEnd } from './tokens.ts';

/** What a chunk's last emitted piece was: it decides whether the next one glued to it gets a space. */
export type Kind = 'start' | 'word' | 'number' | 'other' | 'emoji' | 'span' | 'code' | 'punct';

export interface ChunkScan {
  readonly chunk: string;
  readonly spans: ReadonlyArray<[number, number]>;
  out: string;
  /** Where the scan is in the chunk, and the next protected span. */
  i: number;
  span: number;
  /** What was emitted last, and the letter run right before with its last word. */
  last: Kind;
  previousRun: string;
  previousWord: string;
  /** Whether the letter run right before got spaces: then a bracket after it is prose, not a call. */
  previousSplit: boolean;
  /** A letter run segmented ahead of time to decide the space after a dot. */
  ahead: { start: number; spaced: string };
}

export const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// A run of Latin letters with inner apostrophes; other scripts (CJK, Cyrillic, …) are never touched.
const LATIN_RUN = /\p{Script=Latin}[\p{Script=Latin}\p{M}]*(?:['’]\p{Script=Latin}[\p{Script=Latin}\p{M}]*)*/uy;
// Brackets that can directly follow a name in code and notation: alert(2), f(x), item(s), arr[0].
const BRACKET_PAIRS = new Map([['(', ')'], ['[', ']'], ['{', '}']]);

export function startScan(chunk: string, spans: ReadonlyArray<[number, number]>): ChunkScan {
  return { chunk, spans, out: '', i: 0, span: 0, last: 'start', previousRun: '', previousWord: '', previousSplit: false, ahead: { start: -1, spaced: '' } };
}

/** Copies the chunk up to `end` as it is (a span, a code run, another script or emoji): no word is before what follows. */
export function copyWhole(scan: ChunkScan, kind: Kind, end: number): void {
  scan.out += scan.chunk.slice(scan.i, end);
  scan.last = kind;
  scan.previousRun = scan.previousWord = '';
  scan.previousSplit = false;
  scan.i = end;
}

/** Records the letter run just written, spaced as `spaced`, as what came last. */
export function afterWord(scan: ChunkScan, run: string, spaced: string): void {
  scan.last = 'word';
  scan.previousRun = run;
  scan.previousWord = spaced.slice(spaced.lastIndexOf(' ') + 1);
  scan.previousSplit = spaced.length !== run.length;
}

/** Whether a number, another script, an emoji or a protected span starts at k: then a run ending there is glued to it. */
export function touchesAt(scan: ChunkScan, k: number): boolean {
  const { chunk, spans } = scan;
  return numberEnd(chunk, k) !== -1 || otherScriptEnd(chunk, k) !== -1 || emojiEnd(chunk, k) !== -1 || spans.some(([from]) => from === k);
}

/** Whether a word, number or other-script run starts at index (before limit): what a space after , ; : ! ? comes before. */
export function startsToken(chunk: string, index: number, limit: number): boolean {
  return index < limit && (latinRunAt(chunk, index, limit) !== '' || numberEnd(chunk, index) !== -1 || otherScriptEnd(chunk, index) !== -1);
}

/** The Latin letter run (with inner apostrophes) starting at index, cut at limit; '' when none starts there. */
export function latinRunAt(chunk: string, index: number, limit: number): string {
  LATIN_RUN.lastIndex = index;
  const run = LATIN_RUN.exec(chunk)?.[0] ?? '';
  return run.slice(0, limit - index);
}

/** Whether the bracket at index open is matched later in the same chunk, and not run on into a word ("(much better)today" is prose). */
export function closesInChunk(chunk: string, open: number): boolean {
  const opener = chunk[open]!;
  const closer = BRACKET_PAIRS.get(opener);
  if (!closer) return false;
  let depth = 0;
  for (let k = open; k < chunk.length; k++) {
    if (chunk[k] === opener) depth++;
    else if (chunk[k] === closer && --depth === 0) return !LETTER_OR_DIGIT.test(chunk[k + 1] ?? '');
  }
  return false;
}
