/**
 * The breaks a text was typed with between letters, read as soft boundaries: a single space between
 * two words, and a hyphen at a line end or before a space (`perfor- mance`, `develop-⏎ment`). Each
 * chain of words linked by them is one letter run for the run Viterbi, which may read a word across
 * a boundary at its removal cost (run-segmenter.ts); what it removes is returned as edits to the text.
 */
import type { RunSegmenter, SoftBoundary } from './run-segmenter.ts';
import { isCodeChunk, protectedSpans } from './tokens.ts';

/** One change to the input: `length` code units at `offset` replaced (an added space has length 0). */
export interface SpaceEdit {
  offset: number;
  length: number;
  original: string;
  replacement: string;
}

/**
 * −ln of how much less likely a space typed between two words is a stray one than a real one:
 * what a word read across it pays. Chosen on the tuning half of the repair bench (docs/benchmarks.md).
 */
export const SPACE_REMOVAL_COST = 7;
/**
 * A hyphen at a line end mostly splits a word, and seldom ends the first half of a compound
 * (self-made): reading a word across it is cheaper than reading two (negative), chosen with the above.
 */
export const HYPHEN_REMOVAL_COST = -3;

// The letters a word ends with (after nothing, an opening mark, run-on punctuation or a compound's hyphen), and the ones
// the next starts with (before nothing, punctuation or a compound's hyphen, a dot only where no letter
// follows): a name in a URL, path, mention, abbreviation (e.g.), contraction or number is never part of a chain.
const TAIL = /(?:^|[("“‘[,;:!?-])([A-Za-z]+)$/u;
const HEAD = /^([A-Za-z]+)(?:$|-|[,;:!?)\]}"”’]|\.(?![A-Za-z]))/u;
const LETTERS = /^[A-Za-z]+$/u;
const SPACE_OR_LINE_BREAK = /^(?: |[ \t]*\r?\n[ \t]*)$/u;
// After these a hyphen is suspended ("over- and underweight", "two- to three-bedroom"): no break.
const SUSPENDED = new Set(['and', 'or', 'nor', 'to', 'but']);

interface Link {
  kind: 'space' | 'hyphen';
  /** Offset of the space, or of the hyphen, in the text, and the whitespace after a hyphen. */
  at: number;
  whitespace: string;
}

interface Chain {
  /** The letters of each word and where they start in the text. */
  cores: Array<{ text: string; start: number }>;
  links: Link[];
}

/** The chains of words the text links by single spaces and line-break hyphens. */
function chains(text: string): Chain[] {
  const tokens = [...text.matchAll(/\s+|\S+/gu)].map((match) => ({ value: match[0], index: match.index }));
  const out: Chain[] = [];
  // Each chunk is the right of one pair and the left of the next: whether it is code, read once.
  const code: Array<boolean | undefined> = [];
  const isCodeAt = (k: number) => (code[k] ??= isCode(tokens[k]!.value));
  let current: Chain | null = null;
  for (let t = 0; t + 2 < tokens.length; t++) {
    const left = tokens[t]!;
    const gap = tokens[t + 1]!;
    const right = tokens[t + 2]!;
    if (/\s/u.test(left.value[0]!)) continue;
    const head = HEAD.exec(right.value)?.[1];
    // Code, markup and protected spans (URLs, paths, mentions) are never joined to a word.
    const link = head && !isCodeAt(t) && !isCodeAt(t + 2) ? linkBetween(left.value, gap.value, right.value, gap.index) : null;
    if (!link || !head) {
      current = null;
      continue;
    }
    const leftCore = (link.kind === 'hyphen' ? left.value.slice(0, -1) : left.value).match(TAIL)![1]!;
    const leftWhole = leftCore.length === left.value.length - (link.kind === 'hyphen' ? 1 : 0);
    // A word joins the chain on its left only when it is nothing but letters: else a new chain starts.
    if (!current || !leftWhole) {
      current = { cores: [{ text: leftCore, start: left.index + left.value.length - leftCore.length - (link.kind === 'hyphen' ? 1 : 0) }], links: [] };
      out.push(current);
    }
    current.links.push(link);
    current.cores.push({ text: head, start: right.index });
    t++;
  }
  return out;
}

/** How two chunks with whitespace between are linked, if they are (`right` starts with letters, neither is code). */
function linkBetween(left: string, gap: string, right: string, gapAt: number): Link | null {
  if (gap === ' ' && TAIL.test(left)) return { kind: 'space', at: gapAt, whitespace: '' };
  if (left.endsWith('-') && SPACE_OR_LINE_BREAK.test(gap) && TAIL.test(left.slice(0, -1)) && /^[a-z]/u.test(right)) {
    if (SUSPENDED.has(HEAD.exec(right)![1]!)) return null;
    return { kind: 'hyphen', at: gapAt - 1, whitespace: gap };
  }
  return null;
}

/** Whether a chunk is code, markup or holds a protected span (URL, path, mention). */
function isCode(chunk: string): boolean {
  const spans = protectedSpans(chunk);
  return spans.length > 0 || isCodeChunk(chunk, spans);
}

/**
 * The edits that remove the breaks the run Viterbi reads words across: a stray space, or a line-end
 * hyphen with its whitespace; a hyphen it keeps (a compound, self-made) loses only the whitespace.
 */
export function softBreakEdits(text: string, runs: RunSegmenter): SpaceEdit[] {
  const edits: SpaceEdit[] = [];
  for (const chain of chains(text)) {
    for (const [first, last] of stretchesToRead(chain, runs)) {
      const cores = chain.cores.slice(first, last + 1);
      const links = chain.links.slice(first, last);
      let run = '';
      const boundaries: SoftBoundary[] = [];
      cores.forEach((core, k) => {
        if (k > 0) {
          const { kind } = links[k - 1]!;
          boundaries.push({ at: run.length, removalCost: kind === 'space' ? SPACE_REMOVAL_COST : HYPHEN_REMOVAL_COST, crossesUnknown: kind === 'hyphen' });
        }
        run += core.text;
      });
      const removed = runs.removedBoundaries(run, boundaries, startsSentence(text, cores[0]!.start));
      links.forEach((link, k) => {
        if (link.kind === 'space') {
          if (removed[k]) edits.push({ offset: link.at, length: 1, original: ' ', replacement: '' });
        } else if (removed[k]) edits.push({ offset: link.at, length: 1 + link.whitespace.length, original: `-${link.whitespace}`, replacement: '' });
        else edits.push({ offset: link.at + 1, length: link.whitespace.length, original: link.whitespace, replacement: '' });
      });
    }
  }
  return edits;
}

/** Longest stretch of typed words tried as one word before the Viterbi runs. */
const MOST_JOINED = 4;
/** Words read on each side of where a break may go, for the pair costs around it. */
const CONTEXT_WORDS = 2;

/**
 * The stretches of the chain, as [first, last] word indices, that the Viterbi reads: around each
 * unknown word, line-break hyphen and few neighbours that spell a word together, with CONTEXT_WORDS
 * on either side. Elsewhere (most correct text) no whole typed words spell one together, so the
 * words are kept as typed and not read again; only a word read across part of two of them
 * (amis fortune as a misfortune) is left, as it was when no such spot stood in the chain.
 */
function stretchesToRead(chain: Chain, runs: RunSegmenter): Array<[number, number]> {
  // The cores are ASCII letters, whose lower case keeps their length.
  const lower = chain.cores.map((core) => core.text.toLowerCase());
  const hot: Array<[number, number]> = runs.joinedWords(lower, MOST_JOINED);
  lower.forEach((word, k) => {
    if (!runs.isKnown(word)) hot.push([Math.max(0, k - 1), Math.min(lower.length - 1, k + 1)]);
  });
  chain.links.forEach((link, k) => {
    if (link.kind === 'hyphen') hot.push([k, k + 1]);
  });
  hot.sort((a, b) => a[0] - b[0]);
  const stretches: Array<[number, number]> = [];
  for (const [from, to] of hot) {
    const first = Math.max(0, from - CONTEXT_WORDS);
    const last = Math.min(lower.length - 1, to + CONTEXT_WORDS);
    const previous = stretches.at(-1);
    if (previous && first <= previous[1]) previous[1] = Math.max(previous[1], last);
    else stretches.push([first, last]);
  }
  return stretches;
}

/** Whether the word at start begins a sentence: nothing but whitespace and opening marks since the text's start or a sentence end. */
function startsSentence(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && /[\s("“‘[]/u.test(text[k]!)) k--;
  return k < 0 || /[.!?]/u.test(text[k]!);
}

/** The text with the edits (in offset order, none overlapping) applied. */
export function applyEdits(text: string, edits: readonly SpaceEdit[]): string {
  let out = '';
  let from = 0;
  for (const edit of edits) {
    out += text.slice(from, edit.offset) + edit.replacement;
    from = edit.offset + edit.length;
  }
  return out + text.slice(from);
}

/**
 * The spaces output adds to mended (which holds every other character of it in order), as edits of
 * the original text that the removals in `removed` turned into mended.
 */
export function addedSpaceEdits(mended: string, output: string, removed: readonly SpaceEdit[]): SpaceEdit[] {
  const edits: SpaceEdit[] = [];
  // Offsets in mended map back by the lengths removed before them.
  let shift = 0;
  let next = 0;
  for (let m = 0, o = 0; o < output.length; o++) {
    while (next < removed.length && removed[next]!.offset - shift + removed[next]!.replacement.length <= m) {
      shift += removed[next]!.length - removed[next]!.replacement.length;
      next++;
    }
    if (m < mended.length && output[o] === mended[m]) m++;
    else edits.push({ offset: m + shift, length: 0, original: '', replacement: output[o]! });
  }
  return edits;
}
