import { englishWords } from '../english-words.ts';
import { EMPTY_WORD_HASH, extendHash, type WordModel } from '../word-model.ts';
import { BOUNDARY, CLASSES, HISTORIES, buildModel, letterClass, letterCost, listedWords, pairCost, type Model } from './segment-model.ts';
import { codeRunEnd, emojiEnd, isCodeChunk, numberEnd, numberSuffixes, otherScriptEnd, protectedSpans, startsWithCurrency } from './tokens.ts';

/** Restores missing spaces between words; never adds or removes anything but spaces. */
export interface Segmenter {
  segment(text: string): string;
}

// Costs are −ln(probability). A word follows the previous one with the interpolated bigram estimate
// P(w | v) = c(v w) / (K·c(v)) + α(v)·P(w), where α(v) is the probability mass the truncated pair list
// leaves for the pairs it does not have, and K puts the pair counts (a larger corpus) on the scale of
// the word counts. A listed pair's count also bounds it: it is never taken as more likely than
// c(v w)/(m·c(v)), m the median pair-to-word count ratio, however common w is on its own. A piece that is
// no known word costs P(unknown) times its spelling under a letter 4-gram model of the word list, so
// its cost grows with its length and with how un-English it looks: a plausible name ("meryton") stays
// whole while a run of real words is cheaper split. The constants below were set by hand on a few
// values each, checked against the public benchmark.

/** Share of running text that is not in an 82k list (names, rare words): the price of leaving it. */
const UNKNOWN_WORD_COST = 5;
/** A capitalised unknown piece after lower-case text is most likely a name. */
const NAME_BONUS = 3;
/** A word containing a capital right after a lower-case letter (“saidDarcy”) is very unlikely. */
const INNER_CAPITAL_COST = 12;
/** −ln P(ending | word) after an apostrophe: 's or a plural's lone apostrophe (father's, moments'), the apostrophe all but says so. */
const POSSESSIVE_COST = 1;
/** Other endings ('ll, 're, 't, …) mostly belong to pronouns and verbs the list spells whole (we'll, don't). */
const CONTRACTION_COST = 8;
/** −ln P(possessive s | word) in text without apostrophes ("fathers"), where the s may as well start a word. */
const PLAIN_POSSESSIVE_COST = 6;
/**
 * A delimited run is split only when the split beats the run as one unknown word by this much (≈ 20:1):
 * a token someone typed between spaces or punctuation ("emoji", "selfie") is more likely a word the list
 * lacks than a near-tie of short words ("emo ji"), while run-together text wins by far more.
 */
const KEEP_WHOLE_MARGIN = 3;
/** Runs this short are kept whole: 1–3 letters between delimiters are abbreviations or words ("npm", "img"), not "n pm". */
const SHORTEST_SPLIT = 4;
/** Longest piece tried as one unknown word; longer runs of unknown letters are split. */
const MAX_UNKNOWN_LENGTH = 24;

// Endings after an apostrophe that belong to the preceding word (father's, we'll, I'm, …); the list
// spells every n't form whole (don't, isn't), so "is" + "n't" or "i" + "sn't" is never a reading.
const CONTRACTION_SUFFIXES = ['s', 'd', 'm', 'll', 're', 've'];
// The list drops the apostrophe's words (it has "isn", "doesn" no more than "isn't"): each n't form
// is read as the word it negates, which gives it that word's count and pairs ("isn't he" as "is he").
const NEGATIONS: ReadonlyArray<[string, string]> = [
  ["isn't", 'is'], ["aren't", 'are'], ["wasn't", 'was'], ["weren't", 'were'], ["don't", 'do'], ["doesn't", 'does'], ["didn't", 'did'],
  ["hasn't", 'has'], ["haven't", 'have'], ["hadn't", 'had'], ["couldn't", 'could'], ["wouldn't", 'would'], ["shouldn't", 'should'],
  ["mustn't", 'must'], ["needn't", 'need'], ["mightn't", 'might'], ["can't", 'can'], ["won't", 'will'], ["shan't", 'shall'], ["ain't", 'am'],
];
/** −ln P(not | the word it negates): the pair "is not" is about a tenth of "is". */
const NEGATION_COST = 2.5;
// Abbreviations always followed by a space, even before a lower-case word ("Mr. and Mrs. Smith").
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'messrs', 'mme', 'mlle', 'prof', 'rev', 'gen', 'col', 'capt', 'lt', 'sgt', 'jr', 'sr']);

const WHITESPACE_OR_CHUNK = /\s+|\S+/gu;
const ASCII_LETTERS = /^[A-Za-z]+$/;
// A run of Latin letters with inner apostrophes; other scripts (CJK, Cyrillic, …) are never touched.
const LATIN_RUN = /\p{Script=Latin}[\p{Script=Latin}\p{M}]*(?:['’]\p{Script=Latin}[\p{Script=Latin}\p{M}]*)*/uy;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
// Top-level domains and file extensions that are no English word: after a dot they are part of a
// name (google.com, notes.txt), not a new sentence, even with words glued after them.
const DOMAIN_ENDINGS = new Set('com org net io uk de fr nl eu ca au jp ru cn info biz edu gov txt pdf docx jpg jpeg png gif svg html htm js ts json xml csv md py zip exe mp3 mp4'.split(' '));
// Words of one or two letters that a number often follows glued ("at6", "in2020"); other short letter runs before digits are codes (mp3, A4, ps5).
const SHORT_WORDS_BEFORE_NUMBERS = new Set(['at', 'on', 'in', 'by', 'to', 'of', 'or', 'is', 'as', 'be', 'my', 'no', 'so', 'up', 'we', 'me', 'us', 'if', 'it', 'an', 'am', 'he']);

/** What a chunk's last emitted piece was: it decides whether the next one glued to it gets a space. */
type Kind = 'start' | 'word' | 'number' | 'other' | 'emoji' | 'span' | 'code' | 'punct';
/** After each kind, the kinds glued to it that get a space (a word before a number decides by its word, punctuation by its own rules). */
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
// Brackets that can directly follow a name in code and notation: alert(2), f(x), item(s), arr[0].
const BRACKET_PAIRS = new Map([['(', ')'], ['[', ']'], ['{', '}']]);
const STRAIGHT_QUOTE = '"';

const APOSTROPHE = 39;
const LETTER_S = 115;
const LETTER_N = 110;
const LETTER_T = 116;
/** Per-run working arrays, grown as needed and reused so a long text allocates little. */
class Scratch {
  size = 0;
  canSplit = new Uint8Array(0);
  innerCapitals = new Int32Array(0);
  negations = new Int32Array(0);
  classes = new Uint8Array(0);
  letterPrefix = new Float64Array(0);
  endCost = new Float64Array(0);
  // Per start j, an unknown piece's spelling there: whole when one or two letters long, else its first three letters.
  oneLetter = new Float64Array(0);
  twoLetters = new Float64Array(0);
  firstThree = new Float64Array(0);
  // Per start j, whether an unknown piece of two letters or more starting there reads as a name (Capital, then lower case).
  nameStart = new Uint8Array(0);
  piecesByEnd = new Int32Array(0);
  firstPiece = new Int32Array(0);
  lastPiece = new Int32Array(0);
  unknownCost = new Float64Array(0);
  unknownStart = new Int32Array(0);
  unknownPrevious = new Int32Array(0);
  // Known pieces: start, word id, extra cost, cost so far, previous state, link to the next piece with the same end.
  pieceStart: number[] = [];
  pieceWord: number[] = [];
  pieceExtra: number[] = [];
  pieceCost: number[] = [];
  piecePrevious: number[] = [];
  pieceNextSameEnd: number[] = [];

  reset(n: number): void {
    if (n + 1 > this.size) {
      this.size = Math.max(n + 1, this.size * 2, 64);
      this.canSplit = new Uint8Array(this.size);
      this.innerCapitals = new Int32Array(this.size);
      this.negations = new Int32Array(this.size);
      this.classes = new Uint8Array(this.size);
      this.letterPrefix = new Float64Array(this.size);
      this.endCost = new Float64Array(this.size);
      this.oneLetter = new Float64Array(this.size);
      this.twoLetters = new Float64Array(this.size);
      this.firstThree = new Float64Array(this.size);
      this.nameStart = new Uint8Array(this.size);
      this.piecesByEnd = new Int32Array(this.size);
      this.firstPiece = new Int32Array(this.size);
      this.lastPiece = new Int32Array(this.size);
      this.unknownCost = new Float64Array(this.size);
      this.unknownStart = new Int32Array(this.size);
      this.unknownPrevious = new Int32Array(this.size);
    }
    this.piecesByEnd.fill(-1, 0, n + 1);
    this.firstPiece.fill(0, 0, n + 1);
    this.lastPiece.fill(0, 0, n + 1);
    this.unknownCost.fill(Infinity, 0, n + 1);
    this.pieceStart.length = 0;
    this.pieceWord.length = 0;
    this.pieceExtra.length = 0;
    this.pieceCost.length = 0;
    this.piecePrevious.length = 0;
    this.pieceNextSameEnd.length = 0;
  }
}

// Viterbi states: a known piece by its index, an unknown piece ending at i as UNKNOWN_STATE − i, the run start as START.
const START = -1;
const UNKNOWN_STATE = -2;

class BigramSegmenter implements Segmenter {
  private readonly scratch = new Scratch();
  /** Whether the run being segmented starts a sentence: its capital then says nothing about a name. */
  private sentenceStart = true;

  constructor(private readonly model: Model) {}

  segment(text: string): string {
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
        out += this.segmentRun(chunk, true);
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
    let out = '';
    let i = 0;
    let span = 0;
    // What was emitted last, and the letter run right before with its last word.
    let last: Kind = 'start';
    let previousRun = '';
    let previousWord = '';
    // Whether the letter run right before got spaces: then a bracket after it is prose, not a call.
    let previousSplit = false;
    // A letter run segmented ahead of time to decide the space after a dot.
    let ahead = { start: -1, spaced: '' };
    const spaceBefore = (kind: Kind): void => {
      if (i > 0 && GLUES[last].includes(kind)) out += ' ';
      if (kind !== 'word') this.sentenceStart = false;
    };
    // A run is delimited when only punctuation or the chunk's edges touch it: then a word as typed stays whole.
    const touches = (k: number): boolean => numberEnd(chunk, k) !== -1 || otherScriptEnd(chunk, k) !== -1 || emojiEnd(chunk, k) !== -1 || spans.some(([from]) => from === k);
    const delimited = (start: number, end: number): boolean => (last === 'punct' || last === 'start') && !touches(end);
    const segmentRunAt = (start: number, run: string): string => {
      const spaced = ahead.start === start ? ahead.spaced : this.segmentRun(run, delimited(start, start + run.length));
      this.sentenceStart = false;
      return spaced;
    };
    // A span or code run is copied as it is, and no word is before what follows it.
    const copyWhole = (kind: Kind, end: number): void => {
      out += chunk.slice(i, end);
      last = kind;
      previousRun = previousWord = '';
      previousSplit = false;
      i = end;
    };
    while (i < chunk.length) {
      const spanStart = span < spans.length ? spans[span]![0] : chunk.length;
      if (i === spanStart) {
        const end = spans[span++]![1];
        if (last === 'punct') {
          if (SPACE_AFTER.has(chunk[i - 1]!) && chunk[i - 1] !== '.') out += ' ';
        } else spaceBefore('span');
        copyWhole('span', end);
        continue;
      }
      const code = codeRunEnd(chunk, i);
      if (code !== -1 && code <= spanStart) {
        spaceBefore('code');
        copyWhole('code', code);
        continue;
      }
      const numberStop = numberEnd(chunk, i);
      if (numberStop !== -1 && numberStop <= spanStart) {
        const number = chunk.slice(i, numberStop);
        if (last !== 'word' || startsWithCurrency(number) || this.spacesBeforeNumber(previousWord)) spaceBefore('number');
        const letters = latinRunAt(chunk, numberStop, spanStart);
        const suffix = this.numberSuffixLength(number, letters);
        out += number + letters.slice(0, suffix);
        i = numberStop + letters.length;
        const rest = letters.slice(suffix);
        if (rest) {
          const spaced = this.segmentRun(rest, false);
          out += ' ' + spaced;
          last = 'word';
          previousRun = rest;
          previousWord = spaced.slice(spaced.lastIndexOf(' ') + 1);
          previousSplit = spaced.length !== rest.length;
        } else {
          last = 'number';
          previousRun = previousWord = '';
          previousSplit = false;
        }
        continue;
      }
      const run = latinRunAt(chunk, i, spanStart);
      if (run) {
        const end = i + run.length;
        // Letters after a stray combining mark are left alone (not after an emoji's variation selector or another script's vowel sign).
        const glued = i > 0 && MARK.test(chunk[i - 1]!) && last === 'punct';
        if (!glued) spaceBefore('word');
        const spaced = glued ? run : segmentRunAt(i, run);
        out += spaced;
        last = 'word';
        previousRun = run;
        previousWord = spaced.slice(spaced.lastIndexOf(' ') + 1);
        previousSplit = spaced.length !== run.length;
        i = end;
        continue;
      }
      const other = otherScriptEnd(chunk, i);
      const emoji = other === -1 ? emojiEnd(chunk, i) : -1;
      if (other !== -1 || emoji !== -1) {
        const kind = other !== -1 ? 'other' : 'emoji';
        spaceBefore(kind);
        const end = Math.min(other !== -1 ? other : emoji, spanStart);
        out += chunk.slice(i, end);
        last = kind;
        previousRun = previousWord = '';
        previousSplit = false;
        i = end;
        continue;
      }
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
      const call = LETTER_OR_DIGIT.test(before) && !previousSplit && closesInChunk(chunk, i);
      if (opening && !call && before !== '' && (LETTER_OR_DIGIT.test(before) || SPACE_AFTER.has(before) || CLOSING.has(before))) out += ' ';
      out += char;
      i++;
      if (SENTENCE_END.has(char) && !(char === '.' && TITLES.has(previousRun.toLowerCase()))) this.sentenceStart = true;
      if (after !== '' && i !== spanStart) {
        const next = latinRunAt(chunk, i, spanStart);
        if (closing && (next || /\p{N}/u.test(after))) out += ' ';
        else if (SPACE_AFTER.has(char) && i > 1 && char !== '.' && startsToken(chunk, i, spanStart)) out += ' ';
        else if (next && char === '.' && i > 1) {
          // An ellipsis always ends what came before; a single dot may be inside a name (example.com).
          if (before === '.') out += ' ';
          else {
            last = 'punct';
            ahead = { start: i, spaced: this.segmentRun(next, delimited(i, i + next.length)) };
            if (this.needsSpaceAfterDot(chunk, i, previousRun, previousWord, previousSplit, next, ahead.spaced)) out += ' ';
          }
        }
      }
      last = 'punct';
      if (char !== '.') previousRun = previousWord = '';
      previousSplit = false;
    }
    return out;
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
    return this.isKnown(lower) && (lower.length >= 3 || SHORT_WORDS_BEFORE_NUMBERS.has(lower));
  }

  /** How many of the letters glued after a number belong to it: all when they are one suffix ("12A", "8pm"), else the cheapest reading. */
  private numberSuffixLength(number: string, letters: string): number {
    if (!letters) return 0;
    const options = numberSuffixes(number, letters);
    if (options.some(([length]) => length === letters.length)) return letters.length;
    let best = 0;
    let bestCost = Infinity;
    for (const [length, cost] of options) {
      const total = cost + this.runCost(letters.slice(length));
      if (total < bestCost) {
        bestCost = total;
        best = length;
      }
    }
    return best;
  }

  /**
   * One letter run with spaces inserted, every other character unchanged. A delimited run that is a
   * word is kept ("atone" never becomes "at one"); one glued to a number, emoji or other script is not
   * a word someone typed alone ("你好tome" is "to me").
   */
  private segmentRun(run: string, delimited: boolean): string {
    const lower = lowerSameLength(run);
    if ((delimited && this.isKnown(lower)) || lower.length < SHORTEST_SPLIT) return run;
    const n = lower.length;
    const [finalState, finalCost] = this.viterbi(run, lower);
    // A stretch between forced joins longer than any word: leave the run as it was.
    if (finalCost === Infinity) return run;
    if (n <= MAX_UNKNOWN_LENGTH && this.wholeUnknownCost(n) - finalCost < KEEP_WHOLE_MARGIN) return run;

    const { pieceStart, piecePrevious, unknownStart, unknownPrevious } = this.scratch;
    const cuts: number[] = [];
    for (let state = finalState; state !== START; ) {
      if (state <= UNKNOWN_STATE) {
        const end = UNKNOWN_STATE - state;
        cuts.push(unknownStart[end]!);
        state = unknownPrevious[end]!;
      } else {
        cuts.push(pieceStart[state]!);
        state = piecePrevious[state]!;
      }
    }
    let out = '';
    let from = 0;
    for (let k = cuts.length - 2; k >= 0; k--) {
      out += run.slice(from, cuts[k]) + ' ';
      from = cuts[k]!;
    }
    return out + run.slice(from);
  }

  /** −ln P of the run's likeliest reading, as words or as one unknown word: what a number's suffix is weighed by. */
  private runCost(run: string): number {
    if (!run) return 0;
    const lower = lowerSameLength(run);
    const n = lower.length;
    const cost = this.viterbi(run, lower)[1];
    return n <= MAX_UNKNOWN_LENGTH ? Math.min(cost, this.wholeUnknownCost(n)) : cost;
  }

  /** Viterbi over one letter run (lower its lookup form); returns the final state and its cost, the pieces stay in the scratch arrays. */
  private viterbi(run: string, lower: string): [state: number, cost: number] {
    const { words, extras, unigram, backoff, letters } = this.model;
    const n = lower.length;
    const s = this.scratch;
    s.reset(n);
    const { canSplit, innerCapitals, negations, classes, letterPrefix, endCost, oneLetter, twoLetters, firstThree, nameStart, piecesByEnd, unknownCost, unknownStart, unknownPrevious } = s;

    // No boundary next to an apostrophe (but after the one of a plural possessive), before the n of n't, before a combining mark or inside a surrogate pair.
    canSplit[0] = 1;
    canSplit[n] = 1;
    // Letter costs with three letters of context, summed along the run; a piece's first three letters
    // and its end are costed from its own start (see unknownWordCost).
    let history = 0;
    let capitals = 0;
    let negated = 0;
    innerCapitals[0] = 0;
    negations[0] = 0;
    letterPrefix[0] = 0;
    for (let j = 0; j < n; j++) {
      const code = lower.charCodeAt(j);
      // The n of n't starts no word and is in no unknown piece: "isn't" is never "is n't" or "i sn't".
      const negation = code === LETTER_N && lower.charCodeAt(j + 1) === APOSTROPHE && lower.charCodeAt(j + 2) === LETTER_T;
      if (negation) negated++;
      negations[j + 1] = negated;
      if (j > 0) {
        const afterApostrophe = lower.charCodeAt(j - 1) === APOSTROPHE && !(j >= 2 && lower.charCodeAt(j - 2) === LETTER_S);
        canSplit[j] = !afterApostrophe && !negation && code !== APOSTROPHE && !(code >= 0xdc00 && code <= 0xdfff) && !(code > 0x7f && MARK.test(lower[j]!)) ? 1 : 0;
        if (isUpper(run, j) && isLower(run, j - 1)) capitals++;
      }
      innerCapitals[j + 1] = capitals;
      const cls = letterClass(code);
      classes[j] = cls;
      letterPrefix[j + 1] = letterPrefix[j]! + (j >= 3 ? letterCost(letters, history, cls) : 0);
      history = (history * CLASSES + cls) % HISTORIES;
      endCost[j + 1] = letterCost(letters, history, BOUNDARY);
    }
    for (let j = 0; j < n; j++) {
      const first = classes[j]!;
      const second = j + 1 < n ? classes[j + 1]! : BOUNDARY;
      const first1 = letterCost(letters, 0, first);
      const first2 = first1 + letterCost(letters, first, second);
      oneLetter[j] = first1 + letterCost(letters, first, BOUNDARY);
      twoLetters[j] = first2 + letterCost(letters, first * CLASSES + second, BOUNDARY);
      firstThree[j] = j + 2 < n ? first2 + letterCost(letters, first * CLASSES + second, classes[j + 2]!) : 0;
      nameStart[j] = isUpper(run, j) && (j === 0 ? !this.sentenceStart : !isUpper(run, j - 1)) && j + 1 < n && isLower(run, j + 1) ? 1 : 0;
    }

    const { pieceStart, pieceWord, pieceExtra, pieceCost, piecePrevious, pieceNextSameEnd } = s;
    for (let j = 0; j < n; j++) {
      if (!canSplit[j]) continue;
      // Every known word starting at j, and each one with a possessive or contraction ending.
      s.firstPiece[j] = pieceStart.length;
      let hash = EMPTY_WORD_HASH;
      for (let i = j + 1; i <= n; i++) {
        hash = extendHash(hash, lower.charCodeAt(i - 1));
        if (!words.isPrefix(hash)) break;
        const apostrophe = i < n && lower.charCodeAt(i) === APOSTROPHE;
        if (!canSplit[i] && !apostrophe) continue;
        const id = words.idAt(hash, lower, j, i);
        if (id === -1) continue;
        const inner = (innerCapitals[i]! - innerCapitals[j + 1]!) * INNER_CAPITAL_COST;
        if (canSplit[i]) addPiece(s, j, i, id, inner);
        // Text without apostrophes spells the possessive as a plain s ("fathers", "lydias").
        if (i < n && lower.charCodeAt(i) === LETTER_S && canSplit[i + 1] && words.idAt(extendHash(hash, LETTER_S), lower, j, i + 1) === -1) {
          addPiece(s, j, i + 1, id, inner + PLAIN_POSSESSIVE_COST);
        }
        if (apostrophe) {
          for (const suffix of CONTRACTION_SUFFIXES) {
            const end = i + 1 + suffix.length;
            if (end <= n && canSplit[end] && lower.startsWith(suffix, i + 1)) addPiece(s, j, end, id, inner + (suffix === 's' ? POSSESSIVE_COST : CONTRACTION_COST));
          }
          // The plural possessive ends in the apostrophe ("moments' recollection").
          if (lower.charCodeAt(i - 1) === LETTER_S && canSplit[i + 1]) addPiece(s, j, i + 1, id, inner + POSSESSIVE_COST);
        }
      }
      for (const [title, id] of extras) {
        const end = j + title.length;
        if (end <= n && canSplit[end] && lower.startsWith(title, j)) addPiece(s, j, end, id, (innerCapitals[end]! - innerCapitals[j + 1]!) * INNER_CAPITAL_COST);
      }
      if (negations[n]! > 0) {
        for (const [form, id] of this.model.negations) {
          const end = j + form.length;
          if (end <= n && canSplit[end] && lower.startsWith(form, j)) addPiece(s, j, end, id, NEGATION_COST + (innerCapitals[end]! - innerCapitals[j + 1]!) * INNER_CAPITAL_COST);
        }
      }
      s.lastPiece[j] = pieceStart.length;
    }

    // States ending at j are final once every start before j is done, so starts are taken in order.
    let finalState = START;
    let finalCost = Infinity;
    for (let j = 0; j <= n; j++) {
      if (!canSplit[j]) continue;
      // Best state at j, and best way into an unknown word: after a known word that costs its backoff.
      const startCost = j === 0 ? 0 : unknownCost[j]!;
      const startState = j === 0 ? START : UNKNOWN_STATE - j;
      let best = startCost;
      let bestState = startState;
      let intoUnknown = startCost;
      let intoUnknownState = startState;
      for (let p = piecesByEnd[j]!; p !== -1; p = pieceNextSameEnd[p]!) {
        if (pieceCost[p]! < best) {
          best = pieceCost[p]!;
          bestState = p;
        }
        if (pieceCost[p]! + backoff[pieceWord[p]!]! < intoUnknown) {
          intoUnknown = pieceCost[p]! + backoff[pieceWord[p]!]!;
          intoUnknownState = p;
        }
      }
      if (best === Infinity) continue;
      if (j === n) {
        finalState = bestState;
        finalCost = best;
        break;
      }
      // Known words starting at j: the previous word decides their cost.
      for (let q = s.firstPiece[j]!; q < s.lastPiece[j]!; q++) {
        const word = pieceWord[q]!;
        let cost = startCost + unigram[word]!;
        let previous = startState;
        for (let p = piecesByEnd[j]!; p !== -1; p = pieceNextSameEnd[p]!) {
          const before = pieceWord[p]!;
          const transition = pairCost(this.model, before, word);
          if (pieceCost[p]! + transition < cost) {
            cost = pieceCost[p]! + transition;
            previous = p;
          }
        }
        cost += pieceExtra[q]!;
        if (cost < pieceCost[q]!) {
          pieceCost[q] = cost;
          piecePrevious[q] = previous;
        }
      }
      // Unknown pieces starting at j.
      const limit = Math.min(n, j + MAX_UNKNOWN_LENGTH);
      for (let i = j + 1; i <= limit; i++) {
        if (negations[i]! !== negations[j]!) break;
        if (!canSplit[i]) continue;
        const cost = this.unknownWordCost(intoUnknown, j, i);
        if (cost < unknownCost[i]!) {
          unknownCost[i] = cost;
          unknownStart[i] = j;
          unknownPrevious[i] = intoUnknownState;
        }
      }
    }
    return [finalState, finalCost];
  }

  /**
   * Cost of the piece [j, i) of the run viterbi() last measured as one unknown word, after a reading
   * that cost `before`: the price of an unknown word, its spelling under the letter model (its first
   * three letters and its end costed from its own start), its inner capitals, less a name's bonus.
   */
  private unknownWordCost(before: number, j: number, i: number): number {
    const { oneLetter, twoLetters, firstThree, letterPrefix, endCost, innerCapitals, nameStart } = this.scratch;
    const spelling = i === j + 1 ? oneLetter[j]! : i === j + 2 ? twoLetters[j]! : firstThree[j]! + (letterPrefix[i]! - letterPrefix[j + 3]!) + endCost[i]!;
    const cost = before + UNKNOWN_WORD_COST + spelling + (innerCapitals[i]! - innerCapitals[j + 1]!) * INNER_CAPITAL_COST;
    return nameStart[j] && i > j + 1 ? cost - NAME_BONUS : cost;
  }

  /** Cost of the run viterbi() last measured as one unknown word with nothing before it: the price the Viterbi gives that piece. */
  private wholeUnknownCost(n: number): number {
    return this.scratch.negations[n]! > 0 ? Infinity : this.unknownWordCost(0, 0, n);
  }

  /** A run that is already a word (or word + contraction) is kept whole, so "atone" never becomes "at one". */
  private isKnown(lower: string): boolean {
    const { words } = this.model;
    if (words.id(lower) !== -1 || this.model.negations.some(([form]) => form === lower)) return true;
    const apostrophe = lower.indexOf("'");
    if (apostrophe === -1) return false;
    const [head, ...tail] = lower.split("'");
    return apostrophe > 0 && words.id(head!) !== -1 && tail.every((part) => CONTRACTION_SUFFIXES.includes(part) || words.id(part) !== -1);
  }
}

/** Whether a word, number or other-script run starts at index (before limit): what a space after , ; : ! ? comes before. */
function startsToken(chunk: string, index: number, limit: number): boolean {
  return index < limit && (latinRunAt(chunk, index, limit) !== '' || numberEnd(chunk, index) !== -1 || otherScriptEnd(chunk, index) !== -1);
}

/** The Latin letter run (with inner apostrophes) starting at index, cut at limit; '' when none starts there. */
function latinRunAt(chunk: string, index: number, limit: number): string {
  LATIN_RUN.lastIndex = index;
  const run = LATIN_RUN.exec(chunk)?.[0] ?? '';
  return run.slice(0, limit - index);
}

/** Whether the bracket at index open is matched later in the same chunk, and not run on into a word ("(much better)today" is prose). */
function closesInChunk(chunk: string, open: number): boolean {
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

function addPiece(s: Scratch, start: number, end: number, word: number, extra: number): void {
  const index = s.pieceStart.length;
  s.pieceStart.push(start);
  s.pieceWord.push(word);
  s.pieceExtra.push(extra);
  s.pieceCost.push(Infinity);
  s.piecePrevious.push(START);
  s.pieceNextSameEnd.push(s.piecesByEnd[end]!);
  s.piecesByEnd[end] = index;
}

function isUpper(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER.test(text[index]!);
}

function isLower(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code >= 97 && code <= 122;
  return LOWER.test(text[index]!);
}

/**
 * Lower-cases per code point for lookup, keeping every character's UTF-16 length so indices map back
 * to the original: folds ’ to ', drops accents from precomposed letters (the list spells "cafe"), and
 * keeps a character whose lower case would have another length.
 */
function lowerSameLength(text: string): string {
  let out = '';
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code < 128) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[k];
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(k)!);
    if (char.length === 2) k++;
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

/** Builds the segmenter on a word model (by default the built one the spelling engine shares); create once per cold start and reuse. */
export function createSegmenter(words: WordModel = englishWords()): Segmenter {
  return new BigramSegmenter(buildModel(listedWords(words), TITLES, NEGATIONS));
}
