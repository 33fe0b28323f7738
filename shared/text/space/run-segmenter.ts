/**
 * The Viterbi word segmentation of one letter run: where spaces go between the run's words, or
 * whether it stays whole. The chunk and punctuation rules around it are in segmenter.ts.
 */
import { EMPTY_WORD_HASH, extendHash, type WordModel } from '../word-model.ts';
import { BOUNDARY, CLASSES, HISTORIES, buildModel, joinsIntoWord, letterClass, letterCost, listedWords, pairCost, type Model } from './segment-model.ts';

/** Splits one letter run into words. sentenceStart: whether the run starts a sentence (its capital then says nothing about a name). */
export interface RunSegmenter {
  segmentRun(run: string, delimited: boolean, sentenceStart: boolean): string;
  runCost(run: string, sentenceStart: boolean): number;
  isKnown(lower: string): boolean;
  /** Whether two to `most` neighbouring words (lower-case letters) joined spell a listed word. */
  joinsIntoWord(lower: readonly string[], most: number): boolean;
  /**
   * Which soft boundaries the run's likeliest reading removes: the run is the letters of words the
   * text separated, boundaries[k] a position where it had a space or a line-break hyphen, and a word
   * read across it costs removalCosts[k] more. Unknown pieces cross only boundaries whose
   * crossesUnknown[k] is set (a hyphen at a line end splits rare words too, a typed space seldom).
   */
  removedBoundaries(run: string, boundaries: readonly SoftBoundary[], sentenceStart: boolean): boolean[];
}

export interface SoftBoundary {
  at: number;
  removalCost: number;
  crossesUnknown: boolean;
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
/**
 * A listed word spelled with a capital after its first letter (iPhone, eBay) is that
 * brand's spelling: the case, which “i Phone” would not explain, makes it likelier than its count says.
 */
const CAMEL_BONUS = 6;
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

/**
 * A word typed alone that reads as a name (a capital mid-sentence, then lower case: Hunsford,
 * Wickham's) is split only when that wins by this much more: a name the list lacks is common in
 * correct text, glued words that look like one are rare.
 */
const NAME_KEEP_MARGIN = 12;
// Not "I" glued to the next word (Ifear, Iconclude): a name seldom starts with I and a consonant.
const NAME = /^(?!I[^aeiou])\p{Lu}\p{Ll}+(?:['’]\p{Ll}+)?$/u;
/** Camel case from a short lower-case start (iPhone, macOS, camelCase) typed alone is a name or an identifier: its inner capital costs nothing. */
const CAMEL_CASE = /^\p{Ll}{1,5}\p{Lu}\p{L}*$/u;
/** One lower-case letter, a capital, then lower case (iPhones, iPads) typed alone is a brand's shape, kept by the name's margin. */
const BRAND_SHAPE = /^\p{Ll}\p{Lu}\p{Ll}{2,}$/u;

export const MARK = /\p{M}/u;
export const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

const APOSTROPHE = 39;
const LETTER_S = 115;
const LETTER_N = 110;
const LETTER_T = 116;
const LETTER_CAPITAL_I = 73;
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
  // Per position, the removal costs of the soft boundaries before it summed, and how many of them unknown pieces may not cross.
  crossCost = new Float64Array(0);
  hardCrossings = new Int32Array(0);
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
      this.crossCost = new Float64Array(this.size);
      this.hardCrossings = new Int32Array(this.size);
    }
    this.crossCost.fill(0, 0, n + 1);
    this.hardCrossings.fill(0, 0, n + 1);
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

class ViterbiRunSegmenter implements RunSegmenter {
  private readonly scratch = new Scratch();

  constructor(private readonly model: Model) {}

  /**
   * One letter run with spaces inserted, every other character unchanged. A delimited run that is a
   * word is kept ("atone" never becomes "at one"); one glued to a number, emoji or other script is not
   * a word someone typed alone ("你好tome" is "to me").
   */
  segmentRun(run: string, delimited: boolean, sentenceStart: boolean): string {
    const lower = lowerSameLength(run);
    if ((delimited && this.isKnown(lower)) || lower.length < SHORTEST_SPLIT) return run;
    const n = lower.length;
    const [finalState, finalCost] = this.viterbi(run, lower, sentenceStart);
    // A stretch between forced joins longer than any word: leave the run as it was.
    if (finalCost === Infinity) return run;
    if (n <= MAX_UNKNOWN_LENGTH && delimited) {
      const camel = CAMEL_CASE.test(run);
      const margin = KEEP_WHOLE_MARGIN + ((!sentenceStart && NAME.test(run)) || BRAND_SHAPE.test(run) ? NAME_KEEP_MARGIN : 0);
      if (this.wholeUnknownCost(n, camel, n > 3 && lower.endsWith("'s")) - finalCost < margin) return run;
    } else if (n <= MAX_UNKNOWN_LENGTH && this.wholeUnknownCost(n, false) - finalCost < KEEP_WHOLE_MARGIN) return run;

    const cuts = this.cuts(finalState);
    let out = '';
    let from = 0;
    for (let k = cuts.length - 2; k >= 0; k--) {
      out += run.slice(from, cuts[k]) + ' ';
      from = cuts[k]!;
    }
    return out + run.slice(from);
  }

  removedBoundaries(run: string, boundaries: readonly SoftBoundary[], sentenceStart: boolean): boolean[] {
    const [finalState, finalCost] = this.viterbi(run, lowerSameLength(run), sentenceStart, boundaries);
    if (finalCost === Infinity) return boundaries.map(() => false);
    const cuts = new Set(this.cuts(finalState));
    return boundaries.map(({ at }) => !cuts.has(at));
  }

  /** Where the words of the reading viterbi() last ended in finalState start, last word first. */
  private cuts(finalState: number): number[] {
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
    return cuts;
  }

  /** −ln P of the run's likeliest reading, as words or as one unknown word: what a number's suffix is weighed by. */
  runCost(run: string, sentenceStart: boolean): number {
    if (!run) return 0;
    const lower = lowerSameLength(run);
    const n = lower.length;
    const cost = this.viterbi(run, lower, sentenceStart)[1];
    return n <= MAX_UNKNOWN_LENGTH ? Math.min(cost, this.wholeUnknownCost(n, false)) : cost;
  }

  /** Viterbi over one letter run (lower its lookup form); returns the final state and its cost, the pieces stay in the scratch arrays. */
  private viterbi(run: string, lower: string, sentenceStart: boolean, boundaries: readonly SoftBoundary[] = []): [state: number, cost: number] {
    const { words, extras, unigram, backoff, letters } = this.model;
    const n = lower.length;
    const s = this.scratch;
    s.reset(n);
    const { canSplit, innerCapitals, negations, classes, letterPrefix, endCost, oneLetter, twoLetters, firstThree, nameStart, piecesByEnd, unknownCost, unknownStart, unknownPrevious, crossCost, hardCrossings } = s;
    // A piece [j, i) crosses the boundaries at j < p < i: crossCost[i] − crossCost[j + 1].
    if (boundaries.length) {
      for (const { at, removalCost, crossesUnknown } of boundaries) {
        crossCost[at + 1]! += removalCost;
        if (!crossesUnknown) hardCrossings[at + 1]!++;
      }
      for (let k = 1; k <= n; k++) {
        crossCost[k]! += crossCost[k - 1]!;
        hardCrossings[k]! += hardCrossings[k - 1]!;
      }
    }

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
      nameStart[j] = isUpper(run, j) && (j === 0 ? !sentenceStart : !isUpper(run, j - 1)) && j + 1 < n && isLower(run, j + 1) ? 1 : 0;
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
        // A listed word with a capital after its first, lower-case letter, then more, is a brand's spelling (iPhone, eBay), not two words;
        // but a capital I there is the pronoun glued on (asIam is "as I am", not "a sIam").
        const camel = innerCapitals[i]! - innerCapitals[j + 1]! === 1 && i - j >= 4 && isLower(run, j) && isUpper(run, j + 1) && run.charCodeAt(j + 1) !== LETTER_CAPITAL_I;
        const inner = (camel ? -CAMEL_BONUS : (innerCapitals[i]! - innerCapitals[j + 1]!) * INNER_CAPITAL_COST) - crossCost[j + 1]!;
        if (canSplit[i]) addPiece(s, j, i, id, inner + crossCost[i]!);
        // Text without apostrophes spells the possessive as a plain s ("fathers", "lydias").
        if (i < n && lower.charCodeAt(i) === LETTER_S && canSplit[i + 1] && words.idAt(extendHash(hash, LETTER_S), lower, j, i + 1) === -1) {
          addPiece(s, j, i + 1, id, inner + crossCost[i + 1]! + PLAIN_POSSESSIVE_COST);
        }
        if (apostrophe) {
          for (const suffix of CONTRACTION_SUFFIXES) {
            const end = i + 1 + suffix.length;
            if (end <= n && canSplit[end] && lower.startsWith(suffix, i + 1)) addPiece(s, j, end, id, inner + crossCost[end]! + (suffix === 's' ? POSSESSIVE_COST : CONTRACTION_COST));
          }
          // The plural possessive ends in the apostrophe ("moments' recollection").
          if (lower.charCodeAt(i - 1) === LETTER_S && canSplit[i + 1]) addPiece(s, j, i + 1, id, inner + crossCost[i + 1]! + POSSESSIVE_COST);
        }
      }
      for (const [title, id] of extras) {
        const end = j + title.length;
        if (end <= n && canSplit[end] && lower.startsWith(title, j)) addPiece(s, j, end, id, (innerCapitals[end]! - innerCapitals[j + 1]!) * INNER_CAPITAL_COST + crossCost[end]! - crossCost[j + 1]!);
      }
      if (negations[n]! > 0) {
        for (const [form, id] of this.model.negations) {
          const end = j + form.length;
          if (end <= n && canSplit[end] && lower.startsWith(form, j)) addPiece(s, j, end, id, NEGATION_COST + (innerCapitals[end]! - innerCapitals[j + 1]!) * INNER_CAPITAL_COST + crossCost[end]! - crossCost[j + 1]!);
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
        if (negations[i]! !== negations[j]! || hardCrossings[i]! !== hardCrossings[j + 1]!) break;
        if (!canSplit[i]) continue;
        const cost = this.unknownWordCost(intoUnknown, j, i) + crossCost[i]! - crossCost[j + 1]!;
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
  private wholeUnknownCost(n: number, camel: boolean, possessive = false): number {
    if (this.scratch.negations[n]! > 0) return Infinity;
    const { innerCapitals } = this.scratch;
    const camelRefund = camel ? (innerCapitals[n]! - innerCapitals[1]!) * INNER_CAPITAL_COST : 0;
    // A name's possessive (Wickham's) is the unknown name and its ending, as the Viterbi would price it.
    return possessive ? this.unknownWordCost(0, 0, n - 2) + POSSESSIVE_COST - camelRefund : this.unknownWordCost(0, 0, n) - camelRefund;
  }

  joinsIntoWord(lower: readonly string[], most: number): boolean {
    return joinsIntoWord(this.model.words, lower, most);
  }

  /** A run that is already a word (or word + contraction) is kept whole, so "atone" never becomes "at one". */
  isKnown(lower: string): boolean {
    const { words } = this.model;
    if (words.id(lower) !== -1) return true;
    const apostrophe = lower.indexOf("'");
    if (apostrophe === -1) return false;
    if (this.model.negations.some(([form]) => form === lower)) return true;
    const [head, ...tail] = lower.split("'");
    return apostrophe > 0 && words.id(head!) !== -1 && tail.every((part) => CONTRACTION_SUFFIXES.includes(part) || words.id(part) !== -1);
  }
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
export function lowerSameLength(text: string): string {
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

/** Builds the run segmenter on a word model and the titles the chunk rules know (words here too); it owns its working arrays, so one per segmenter. */
export function createRunSegmenter(words: WordModel, titles: ReadonlySet<string>): RunSegmenter {
  return new ViterbiRunSegmenter(buildModel(listedWords(words), titles, NEGATIONS));
}
