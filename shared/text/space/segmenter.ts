import { TITLES } from '../abbreviations.ts';
import { englishWords } from '../english-words.ts';
import mixedCaseText from '../generated/mixed-case.txt';
import type { WordModel } from '../word-model.ts';
import { afterWord, closesInChunk, copyWhole, latinRunAt, LETTER_OR_DIGIT, startScan, startsToken, touchesAt, type ChunkScan, type Kind } from './chunk-scan.ts';
import { lowerSameLength, MARK, UPPER } from './letter-case.ts';
import { createRunSegmenter, type RunSegmenter } from './run-segmenter.ts';
import { addedSpaceEdits, applyEdits, softBreakEdits, type SpaceEdit } from './soft-boundaries.ts';
import { codeRunEnd, emojiEnd, isCodeChunk, numberEnd, numberSuffixes, otherScriptEnd, protectedSpans, startsWithCurrency } from './tokens.ts';

/**
 * Restores the spaces between words: adds the missing ones, removes stray ones inside words, and
 * rejoins words hyphenated at line ends; never changes anything else.
 */
export interface Segmenter {
  segment(text: string): string;
  /** The output with each change as an edit of the input, in offset order. */
  correct(text: string): { output: string; edits: SpaceEdit[] };
}

export type { SpaceEdit };

const WHITESPACE_OR_CHUNK = /\s+|\S+/gu;
const ASCII_LETTERS = /^[A-Za-z]+$/;
const LOWER_LETTER = /\p{Ll}/u;
// Top-level domains and file extensions that are no English word: after a dot they are part of a
// name (google.com, notes.txt), not a new sentence, even with words glued after them.
const DOMAIN_ENDINGS = new Set('com org net io uk de fr nl eu ca au jp ru cn info biz edu gov txt pdf docx jpg jpeg png gif svg html htm js ts json xml csv md py zip exe mp3 mp4'.split(' '));
// Words of one or two letters that a number often follows glued ("at6", "in2020"); other short letter runs before digits are codes (mp3, A4, ps5).
const SHORT_WORDS_BEFORE_NUMBERS = new Set(['at', 'on', 'in', 'by', 'to', 'of', 'or', 'is', 'as', 'be', 'my', 'no', 'so', 'up', 'we', 'me', 'us', 'if', 'it', 'an', 'am', 'he']);

/** After each kind (chunk-scan.ts), the kinds glued to it that get a space (a word before a number decides by its word, punctuation by its own rules). */
const GLUES: Record<Kind, readonly Kind[]> = {
  start: [],
  word: ['number', 'other', 'emoji', 'span', 'code'],
  number: ['emoji', 'span'],
  other: ['word', 'emoji', 'span'],
  emoji: ['word', 'number', 'other', 'span', 'code'],
  span: ['word', 'number', 'other', 'emoji', 'span', 'code'],
  code: ['emoji', 'span', 'other'],
  punct: [],
};
const SPACE_AFTER = new Set([',', ';', ':', '!', '?', '.']);
const SENTENCE_END = new Set(['.', '!', '?']);
const OPENING = new Set(['“', '‘', '(', '[', '{']);
const CLOSING = new Set(['”', ')', ']', '}']);
const STRAIGHT_QUOTE = '"';
const QUOTES = new Set(['“', '‘', STRAIGHT_QUOTE]);

/**
 * The rules for whole texts: chunks between whitespace, their protected spans, numbers, emoji,
 * other scripts and punctuation. Each Latin letter run goes to the run segmenter (the bigram
 * Viterbi, run-segmenter.ts); titles (abbreviations.ts) are always followed by a space.
 */
class ChunkSegmenter implements Segmenter {
  /** Whether the run being segmented starts a sentence: its capital then says nothing about a name. */
  private sentenceStart = true;

  constructor(private readonly runs: RunSegmenter) {}

  segment(text: string): string {
    return this.spaceWords(applyEdits(text, softBreakEdits(text, this.runs)));
  }

  correct(text: string): { output: string; edits: SpaceEdit[] } {
    const removals = softBreakEdits(text, this.runs);
    const mended = applyEdits(text, removals);
    const output = this.spaceWords(mended);
    const edits = [...removals, ...addedSpaceEdits(mended, output, removals)].sort((a, b) => a.offset - b.offset);
    return { output, edits };
  }

  /** Adds the spaces the text (its stray breaks removed) lacks. */
  private spaceWords(text: string): string {
    let out = '';
    // Straight double quotes open and close in turn; the state carries across chunks.
    const quotes = { open: false };
    this.sentenceStart = true;
    for (const match of text.matchAll(WHITESPACE_OR_CHUNK)) {
      const chunk = match[0];
      if (/\s/u.test(chunk[0]!)) {
        out += chunk;
        continue;
      }
      // Most chunks are letters only: nothing to tokenise.
      if (ASCII_LETTERS.test(chunk)) {
        out += this.runs.segmentRun(chunk, true, this.sentenceStart);
        this.sentenceStart = false;
        continue;
      }
      const spans = protectedSpans(chunk);
      if (isCodeChunk(chunk, spans)) {
        out += chunk;
        quotes.open = false;
        this.sentenceStart = false;
      } else out += this.segmentChunk(chunk, spans, quotes);
    }
    return out;
  }

  /**
   * One whitespace-free chunk: copy its protected spans, numbers, emoji and other scripts, split its
   * Latin letter runs, and add spaces where these meet and where punctuation runs on into words.
   */
  private segmentChunk(chunk: string, spans: ReadonlyArray<[number, number]>, quotes: { open: boolean }): string {
    const scan = startScan(chunk, spans);
    while (scan.i < chunk.length) {
      const spanStart = scan.span < spans.length ? spans[scan.span]![0] : chunk.length;
      if (scan.i === spanStart) this.copySpan(scan);
      else if (!this.copyCode(scan, spanStart) && !this.writeNumber(scan, spanStart) && !this.writeWord(scan, spanStart) && !this.copyOtherScript(scan, spanStart)) {
        this.writePunctuation(scan, spanStart, quotes);
      }
    }
    return scan.out;
  }

  /** A space before a piece of this kind when what came last glues to it. */
  private spaceBefore(scan: ChunkScan, kind: Kind): void {
    if (scan.i > 0 && GLUES[scan.last].includes(kind)) scan.out += ' ';
    if (kind !== 'word') this.sentenceStart = false;
  }

  /** A run is delimited when only punctuation or the chunk's edges touch it: then a word as typed stays whole. */
  private delimited(scan: ChunkScan, end: number): boolean {
    return (scan.last === 'punct' || scan.last === 'start') && !touchesAt(scan, end);
  }

  private segmentRunAt(scan: ChunkScan, start: number, run: string): string {
    const spaced = scan.ahead.start === start ? scan.ahead.spaced : this.runs.segmentRun(run, this.delimited(scan, start + run.length), this.sentenceStart);
    this.sentenceStart = false;
    return spaced;
  }

  private copySpan(scan: ChunkScan): void {
    const { chunk, i } = scan;
    const end = scan.spans[scan.span++]![1];
    if (scan.last === 'punct') {
      if (SPACE_AFTER.has(chunk[i - 1]!) && chunk[i - 1] !== '.') scan.out += ' ';
    } else this.spaceBefore(scan, 'span');
    copyWhole(scan, 'span', end);
  }

  private copyCode(scan: ChunkScan, spanStart: number): boolean {
    const code = codeRunEnd(scan.chunk, scan.i);
    if (code === -1 || code > spanStart) return false;
    this.spaceBefore(scan, 'code');
    copyWhole(scan, 'code', code);
    return true;
  }

  /** A number, the letters of its suffix ("12A", "8pm"), and the words glued after those. */
  private writeNumber(scan: ChunkScan, spanStart: number): boolean {
    const { chunk, i } = scan;
    const numberStop = numberEnd(chunk, i);
    if (numberStop === -1 || numberStop > spanStart) return false;
    const number = chunk.slice(i, numberStop);
    if (scan.last !== 'word' || startsWithCurrency(number) || this.spacesBeforeNumber(scan.previousWord)) this.spaceBefore(scan, 'number');
    const letters = latinRunAt(chunk, numberStop, spanStart);
    const suffix = this.numberSuffixLength(number, letters);
    scan.out += number + letters.slice(0, suffix);
    scan.i = numberStop + letters.length;
    const rest = letters.slice(suffix);
    if (rest) {
      const spaced = this.runs.segmentRun(rest, false, this.sentenceStart);
      scan.out += ' ' + spaced;
      afterWord(scan, rest, spaced);
    } else {
      scan.last = 'number';
      scan.previousRun = scan.previousWord = '';
      scan.previousSplit = false;
    }
    return true;
  }

  private writeWord(scan: ChunkScan, spanStart: number): boolean {
    const { chunk, i } = scan;
    const run = latinRunAt(chunk, i, spanStart);
    if (!run) return false;
    // Letters after a stray combining mark are left alone (not after an emoji's variation selector or another script's vowel sign).
    const glued = i > 0 && MARK.test(chunk[i - 1]!) && scan.last === 'punct';
    if (!glued) this.spaceBefore(scan, 'word');
    const spaced = glued ? run : this.segmentRunAt(scan, i, run);
    scan.out += spaced;
    afterWord(scan, run, spaced);
    scan.i = i + run.length;
    return true;
  }

  private copyOtherScript(scan: ChunkScan, spanStart: number): boolean {
    const other = otherScriptEnd(scan.chunk, scan.i);
    const emoji = other === -1 ? emojiEnd(scan.chunk, scan.i) : -1;
    if (other === -1 && emoji === -1) return false;
    const kind = other !== -1 ? 'other' : 'emoji';
    this.spaceBefore(scan, kind);
    copyWhole(scan, kind, Math.min(other !== -1 ? other : emoji, spanStart));
    return true;
  }

  /** One punctuation character, with the spaces the rules put before and after it. */
  private writePunctuation(scan: ChunkScan, spanStart: number, quotes: { open: boolean }): void {
    const { chunk, i } = scan;
    const char = chunk[i]!;
    const before = i > 0 ? chunk[i - 1]! : '';
    const after = i + 1 < chunk.length ? chunk[i + 1]! : '';
    let opening = OPENING.has(char);
    let closing = CLOSING.has(char);
    if (char === STRAIGHT_QUOTE) {
      // Space or edge on one side tells which it is; glued on both sides, the quote opens unless one is open.
      // A quote that opens is followed by what it quotes, so one before anything else closes.
      opening = before === '' ? true : after === '' || !(LETTER_OR_DIGIT.test(after) || OPENING.has(after)) ? false : !quotes.open;
      closing = !opening;
      quotes.open = opening;
    }
    // A single name or number glued to a bracket that closes within the same token is a call or
    // notation (alert(2), f(x), item(s)), not prose run on into a parenthesis: no space there.
    const call = LETTER_OR_DIGIT.test(before) && !scan.previousSplit && closesInChunk(chunk, i);
    if (opening && !call && before !== '' && (LETTER_OR_DIGIT.test(before) || SPACE_AFTER.has(before) || CLOSING.has(before))) scan.out += ' ';
    scan.out += char;
    scan.i = i + 1;
    if (SENTENCE_END.has(char) && !(char === '.' && TITLES.has(scan.previousRun.toLowerCase()))) this.sentenceStart = true;
    // A quotation opening a chunk or after punctuation starts what someone said: its capital says nothing about a name (saying, "Comehere").
    if (opening && QUOTES.has(char) && (before === '' || SPACE_AFTER.has(before))) this.sentenceStart = true;
    if (after !== '' && scan.i !== spanStart) this.spaceAfterPunctuation(scan, spanStart, char, before, closing);
    scan.last = 'punct';
    if (char !== '.') scan.previousRun = scan.previousWord = '';
    scan.previousSplit = false;
  }

  /** The space after the punctuation just written (char, after `before`), when what follows it starts something new. */
  private spaceAfterPunctuation(scan: ChunkScan, spanStart: number, char: string, before: string, closing: boolean): void {
    const { chunk, i } = scan;
    const next = latinRunAt(chunk, i, spanStart);
    if (closing && (next || /\p{N}/u.test(chunk[i]!))) scan.out += ' ';
    else if (SPACE_AFTER.has(char) && i > 1 && char !== '.' && startsToken(chunk, i, spanStart)) scan.out += ' ';
    else if (next && char === '.' && i > 1) {
      // An ellipsis always ends what came before; a single dot may be inside a name (example.com).
      if (before === '.') scan.out += ' ';
      else {
        scan.last = 'punct';
        scan.ahead = { start: i, spaced: this.runs.segmentRun(next, this.delimited(scan, i + next.length), this.sentenceStart) };
        if (this.needsSpaceAfterDot(chunk, i, scan.previousRun, scan.previousWord, scan.previousSplit, next, scan.ahead.spaced)) scan.out += ' ';
      }
    }
  }

  /**
   * previousRun is the letter run right before the dot ('' when something else is), previousWord its
   * last word; next is the letter run after the dot and spacedNext that run segmented.
   */
  private needsSpaceAfterDot(chunk: string, nextStart: number, previousRun: string, previousWord: string, previousSplit: boolean, next: string, spacedNext: string): boolean {
    if (TITLES.has(previousWord.toLowerCase()) && previousWord !== previousRun) return true;
    if (TITLES.has(previousRun.toLowerCase())) return true;
    // A dot is a sentence end before a capital, and not inside e.g. / U.S. / Ph.D. or example.com;
    // before a lower-case letter only when run-together words are on either side (thisisatest.itworks).
    if (!UPPER.test(next[0]!)) {
      const firstWord = spacedNext.slice(0, (spacedNext.indexOf(' ') + 1 || spacedNext.length + 1) - 1);
      return !DOMAIN_ENDINGS.has(firstWord.toLowerCase()) && (spacedNext.length !== next.length || previousSplit);
    }
    if (previousRun.length === 1) return false;
    if (next.length === 1 && chunk[nextStart + 1] === '.') return false;
    return true;
  }

  /** Whether a number glued after this word gets a space: after a listed word ("in 1990", "flat 3"), not after a code ("mp3", "A4", "ps5"). */
  private spacesBeforeNumber(word: string): boolean {
    const lower = lowerSameLength(word);
    return this.runs.isKnown(lower) && (lower.length >= 3 || SHORT_WORDS_BEFORE_NUMBERS.has(lower));
  }

  /** How many of the letters glued after a number belong to it: all when they are one suffix ("12A", "8pm"), else the cheapest reading. */
  private numberSuffixLength(number: string, letters: string): number {
    if (!letters) return 0;
    const options = numberSuffixes(number, letters);
    if (options.some(([length]) => length === letters.length)) return letters.length;
    let best = 0;
    let bestCost = Infinity;
    // A capitalised word after the number (12Mini) is no unit with a word glued on (12Min i); a single capital may be (12A now).
    const capitalised = UPPER.test(letters[0]!) && letters.length > 1 && LOWER_LETTER.test(letters[1]!);
    const wholeWord = letters.length >= 4 && this.runs.isKnown(lowerSameLength(letters));
    for (const [length, cost] of options) {
      if (capitalised && length > 1 && length < letters.length && LOWER_LETTER.test(letters[length]!)) continue;
      // Letters that spell a word are not a unit and a lone letter (12mini is not 12min i; 3pmi is 3pm i).
      if (wholeWord && length > 1 && letters.length - length === 1) continue;
      const total = cost + this.runs.runCost(letters.slice(length), this.sentenceStart);
      if (total < bestCost) {
        bestCost = total;
        best = length;
      }
    }
    return best;
  }
}

/**
 * Builds the segmenter on a word model (by default the built one the spelling engine shares) and the
 * words spelled with a capital inside (the built list); create once per cold start and reuse.
 */
export function createSegmenter(words: WordModel = englishWords(), mixedCase: ReadonlySet<string> = new Set(mixedCaseText.split('\n'))): Segmenter {
  return new ChunkSegmenter(createRunSegmenter(words, TITLES, mixedCase));
}
