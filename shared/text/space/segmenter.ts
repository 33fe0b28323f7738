import { wordFrequencies } from '../word-frequencies.ts';

/** Restores missing spaces between words; never adds or removes anything but spaces. */
export interface Segmenter {
  segment(text: string): string;
}

interface Lexicon {
  /** Count per lower-case word; a word's cost is −log(count / total) = logTotal − log(count). */
  counts: ReadonlyMap<string, number>;
  logTotal: number;
  maxWordLength: number;
  /** Cost of the rarest known word: every unknown piece costs more than this. */
  maxKnownCost: number;
}

// Unknown pieces always cost more than the rarest known word, plus a length term. An unknown piece
// inside a run (next to known words) pays per letter and a flat penalty, so a typo such as
// "goverment" never becomes "go verment"; a run kept whole as one unknown word pays a term that is
// small for word-length runs (names and typos are not chopped into rare short words: "Herm i one")
// and grows quadratically, so long run-together text still splits into known words.
const UNKNOWN_PART_COST_PER_CHAR = 3;
const UNKNOWN_PART_PENALTY = 10;
const UNKNOWN_WHOLE_QUADRATIC = 1 / 8;

// Endings after an apostrophe that belong to the preceding word (father's, don't, we'll, I'm, …).
const CONTRACTION_SUFFIXES = new Set(['s', 't', 'd', 'm', 'll', 're', 've']);

const WHITESPACE_OR_CHUNK = /\s+|\S+/gu;
// A run of Latin letters with inner apostrophes; other scripts (CJK, Cyrillic, …) are never touched.
const LATIN_RUN = /\p{Script=Latin}[\p{Script=Latin}\p{M}]*(?:['’]\p{Script=Latin}[\p{Script=Latin}\p{M}]*)*/uy;
const LETTER_DIGIT_OR_MARK = /[\p{L}\p{N}\p{M}]/u;
const MARK = /\p{M}/u;
const UPPER = /\p{Lu}/u;
// Paths, code, URLs, e-mails, mentions and hashtags: the whole chunk is copied as is.
const PROTECTED_CHUNK = /[_/\\@#]|www\./iu;
const SPACE_AFTER = new Set([',', ';', ':', '!', '?', '.']);

function buildLexicon(counts: ReadonlyMap<string, number>): Lexicon {
  let total = 0;
  let minCount = Infinity;
  let maxWordLength = 0;
  for (const [word, count] of counts) {
    total += count;
    if (count < minCount) minCount = count;
    if (word.length > maxWordLength) maxWordLength = word.length;
  }
  const logTotal = Math.log(total);
  return { counts, logTotal, maxWordLength, maxKnownCost: logTotal - Math.log(minCount) };
}

class UnigramSegmenter implements Segmenter {
  constructor(private readonly lexicon: Lexicon) {}

  segment(text: string): string {
    let out = '';
    for (const match of text.matchAll(WHITESPACE_OR_CHUNK)) {
      const chunk = match[0];
      out += /\s/u.test(chunk[0]!) || PROTECTED_CHUNK.test(chunk) ? chunk : this.segmentChunk(chunk);
    }
    return out;
  }

  /** One whitespace-free chunk: split its letter runs and add a space after run-on punctuation. */
  private segmentChunk(chunk: string): string {
    let out = '';
    let i = 0;
    let previousRun = '';
    while (i < chunk.length) {
      LATIN_RUN.lastIndex = i;
      const run = LATIN_RUN.exec(chunk)?.[0];
      if (run) {
        const end = i + run.length;
        // Letters glued to digits or to another script (30pm, mp3, abc日本) are left alone.
        const glued = (i > 0 && LETTER_DIGIT_OR_MARK.test(chunk[i - 1]!)) || (end < chunk.length && LETTER_DIGIT_OR_MARK.test(chunk[end]!));
        out += glued ? run : this.segmentRun(run);
        previousRun = run;
        i = end;
        continue;
      }
      const char = chunk[i]!;
      out += char;
      i++;
      if (SPACE_AFTER.has(char) && i > 1 && i < chunk.length) {
        LATIN_RUN.lastIndex = i;
        const next = LATIN_RUN.exec(chunk)?.[0];
        if (next && this.needsSpaceAfter(char, chunk, i, previousRun, next)) out += ' ';
      }
      if (char !== '.') previousRun = '';
    }
    return out;
  }

  /** previousRun is the letter run right before the punctuation ('' when something else is). */
  private needsSpaceAfter(char: string, chunk: string, nextStart: number, previousRun: string, next: string): boolean {
    if (char !== '.') return true;
    // A dot is a sentence end only before a capital, and not inside e.g. / U.S. / Ph.D. or example.com.
    if (!UPPER.test(next[0]!)) return false;
    if (previousRun.length === 1) return false;
    if (next.length === 1 && chunk[nextStart + 1] === '.') return false;
    return true;
  }

  /** Viterbi over one letter run; returns the run with spaces inserted, every other character unchanged. */
  private segmentRun(run: string): string {
    const { maxWordLength } = this.lexicon;
    const lower = lowerSameLength(run);
    if (this.isKnown(lower)) return run;

    const n = lower.length;
    // No boundary next to an apostrophe, before a combining mark or inside a surrogate pair.
    const canSplit = new Uint8Array(n + 1);
    canSplit[0] = 1;
    canSplit[n] = 1;
    for (let j = 1; j < n; j++) {
      const code = lower.charCodeAt(j);
      const ok = lower[j - 1] !== "'" && lower[j] !== "'" && !(code >= 0xdc00 && code <= 0xdfff) && !MARK.test(lower[j]!);
      canSplit[j] = ok ? 1 : 0;
    }

    const best = new Float64Array(n + 1).fill(Infinity);
    const back = new Int32Array(n + 1);
    best[0] = 0;
    for (let i = 1; i <= n; i++) {
      if (!canSplit[i]) continue;
      for (let j = i - 1; j >= 0 && i - j <= maxWordLength; j--) {
        if (!canSplit[j] || best[j] === Infinity) continue;
        const piece = lower.slice(j, i);
        const cost = best[j]! + (this.knownCost(piece) ?? this.pieceCost(piece, j === 0 && i === n));
        if (cost < best[i]!) {
          best[i] = cost;
          back[i] = j;
        }
      }
    }
    // A stretch between forced joins longer than any word: leave the run as it was.
    if (best[n] === Infinity) return run;

    const cuts: number[] = [];
    for (let i = n; i > 0; i = back[i]!) cuts.push(back[i]!);
    let out = '';
    let from = 0;
    for (let k = cuts.length - 2; k >= 0; k--) {
      out += run.slice(from, cuts[k]) + ' ';
      from = cuts[k]!;
    }
    return out + run.slice(from);
  }

  /** Cost of a piece that is not itself in the list; whole = the piece is the entire run. */
  private pieceCost(piece: string, whole: boolean): number {
    if (!piece.includes("'")) return this.unknownCost(piece.length, whole) + (whole ? 0 : UNKNOWN_PART_PENALTY);
    let cost = 0;
    let unknown = false;
    // father's, o'clock: the part before the apostrophe is a word, the rest a known ending or word.
    const parts = piece.split("'");
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]!;
      if (k > 0 && CONTRACTION_SUFFIXES.has(part)) continue;
      const known = this.knownCost(part);
      if (known === undefined) unknown = true;
      cost += known ?? this.unknownCost(part.length, whole);
    }
    return unknown && !whole ? cost + UNKNOWN_PART_PENALTY : cost;
  }

  /** −log(count / total), computed per lookup rather than stored, to keep construction cheap. */
  private knownCost(word: string): number | undefined {
    const count = this.lexicon.counts.get(word);
    return count === undefined ? undefined : this.lexicon.logTotal - Math.log(count);
  }

  private unknownCost(length: number, whole: boolean): number {
    const lengthCost = whole ? UNKNOWN_WHOLE_QUADRATIC * length * length : UNKNOWN_PART_COST_PER_CHAR * length;
    return this.lexicon.maxKnownCost + lengthCost;
  }

  /** A run that is already a word (or word + contraction) is kept whole, so "atone" never becomes "at one". */
  private isKnown(lower: string): boolean {
    const { counts } = this.lexicon;
    if (counts.has(lower)) return true;
    if (!lower.includes("'")) return false;
    const [head, ...tail] = lower.split("'");
    return counts.has(head!) && tail.every((part) => CONTRACTION_SUFFIXES.has(part) || counts.has(part));
  }
}

/**
 * Lower-cases per code point for lookup, keeping every character's UTF-16 length so indices map back
 * to the original: folds ’ to ', drops accents from precomposed letters (the list spells "cafe"), and
 * keeps a character whose lower case would have another length.
 */
function lowerSameLength(text: string): string {
  let out = '';
  for (const char of text) {
    if (char === '’') {
      out += "'";
      continue;
    }
    let lower = char.toLowerCase();
    if (lower.length !== char.length) lower = char;
    if (lower.length === 1 && lower.charCodeAt(0) > 0x7f) {
      const decomposed = lower.normalize('NFD');
      if (decomposed.charCodeAt(0) <= 0x7f) lower = decomposed[0]!;
    }
    out += lower;
  }
  return out;
}

/** Parses the frequency list; create once per cold start and reuse. */
export function createSegmenter(): Segmenter {
  return new UnigramSegmenter(buildLexicon(wordFrequencies()));
}
