/**
 * The lattice of one letter run's readings and the Viterbi search over it: every known word (with
 * its possessive or contraction ending) and every unknown piece is a state, costed after the one
 * before (run-costs.ts). The working arrays are kept from run to run, so a long text allocates little.
 */
import { EMPTY_WORD_HASH, extendHash } from '../word-model.ts';
import { isLower, isUpper, MARK } from './letter-case.ts';
import {
  CAMEL_BONUS, CONTRACTION_COST, CONTRACTION_SUFFIXES, INNER_CAPITAL_COST, MAX_UNKNOWN_LENGTH, NAME_BONUS, NEGATION_COST,
  PLAIN_POSSESSIVE_COST, POSSESSIVE_COST, UNKNOWN_WORD_COST,
} from './run-costs.ts';
import { BOUNDARY, CLASSES, HISTORIES, letterClass, letterCost, pairCost, type Model } from './segment-model.ts';

/** A place in the run where the text had a space or a line-break hyphen (see RunSegmenter.removedBoundaries). */
export interface SoftBoundary {
  at: number;
  removalCost: number;
  crossesUnknown: boolean;
}

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

/** One letter run's readings: measure() finds the likeliest, cuts() and the costs read the last one measured. */
export class RunLattice {
  private readonly s = new Scratch();

  constructor(private readonly model: Model) {}

  /** Viterbi over one letter run (lower its lookup form); returns the final state and its cost, the pieces stay in the scratch arrays. */
  measure(run: string, lower: string, sentenceStart: boolean, boundaries: readonly SoftBoundary[] = []): [state: number, cost: number] {
    const n = lower.length;
    this.s.reset(n);
    this.markBoundaries(n, boundaries);
    this.spellLetters(run, lower, sentenceStart);
    this.addKnownPieces(run, lower);
    return this.bestReading(n);
  }

  /** A piece [j, i) crosses the boundaries at j < p < i: crossCost[i] − crossCost[j + 1]. */
  private markBoundaries(n: number, boundaries: readonly SoftBoundary[]): void {
    if (!boundaries.length) return;
    const { crossCost, hardCrossings } = this.s;
    for (const { at, removalCost, crossesUnknown } of boundaries) {
      crossCost[at + 1]! += removalCost;
      if (!crossesUnknown) hardCrossings[at + 1]!++;
    }
    for (let k = 1; k <= n; k++) {
      crossCost[k]! += crossCost[k - 1]!;
      hardCrossings[k]! += hardCrossings[k - 1]!;
    }
  }

  /** Where words may start, the run's inner capitals and n't forms counted along it, and the letter model's costs of its pieces' spelling. */
  private spellLetters(run: string, lower: string, sentenceStart: boolean): void {
    const { letters } = this.model;
    const n = lower.length;
    const { canSplit, innerCapitals, negations, classes, letterPrefix, endCost, oneLetter, twoLetters, firstThree, nameStart } = this.s;
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
  }

  /** Every known word starting where a word may start, and each one with a possessive or contraction ending. */
  private addKnownPieces(run: string, lower: string): void {
    const { words, extras, mixedExtras } = this.model;
    const n = lower.length;
    const s = this.s;
    const { canSplit, innerCapitals, negations, crossCost, pieceStart } = s;
    for (let j = 0; j < n; j++) {
      if (!canSplit[j]) continue;
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
        // So is one the dictionaries spell with capitals inside, typed so (PowerPoint, YouTube).
        const camel =
          (innerCapitals[i]! - innerCapitals[j + 1]! === 1 && i - j >= 4 && isLower(run, j) && isUpper(run, j + 1) && run.charCodeAt(j + 1) !== LETTER_CAPITAL_I) ||
          (innerCapitals[i]! > innerCapitals[j + 1]! && this.model.mixedCase.has(run.slice(j, i)));
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
      // A spelling with capitals inside that the list lacks, only as spelled: the capitals are the
      // evidence, so none is looked for where no capital follows (most text).
      for (const [spelling, id] of innerCapitals[n]! > innerCapitals[j + 1]! ? (mixedExtras.get(run.charCodeAt(j)) ?? []) : []) {
        const end = j + spelling.length;
        if (end <= n && canSplit[end] && run.startsWith(spelling, j)) addPiece(s, j, end, id, -CAMEL_BONUS + crossCost[end]! - crossCost[j + 1]!);
      }
      if (negations[n]! > 0) {
        for (const [form, id] of this.model.negations) {
          const end = j + form.length;
          if (end <= n && canSplit[end] && lower.startsWith(form, j)) addPiece(s, j, end, id, NEGATION_COST + (innerCapitals[end]! - innerCapitals[j + 1]!) * INNER_CAPITAL_COST + crossCost[end]! - crossCost[j + 1]!);
        }
      }
      s.lastPiece[j] = pieceStart.length;
    }
  }

  /** The cheapest way through the lattice: states ending at j are final once every start before j is done, so starts are taken in order. */
  private bestReading(n: number): [state: number, cost: number] {
    const { unigram, backoff } = this.model;
    const s = this.s;
    const { canSplit, negations, piecesByEnd, unknownCost, unknownStart, unknownPrevious, crossCost, hardCrossings, pieceWord, pieceExtra, pieceCost, piecePrevious, pieceNextSameEnd } = s;
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

  /** Where the words of the reading measure() last ended in finalState start, last word first. */
  cuts(finalState: number): number[] {
    const { pieceStart, piecePrevious, unknownStart, unknownPrevious } = this.s;
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

  /**
   * Cost of the piece [j, i) of the run measure() last measured as one unknown word, after a reading
   * that cost `before`: the price of an unknown word, its spelling under the letter model (its first
   * three letters and its end costed from its own start), its inner capitals, less a name's bonus.
   */
  private unknownWordCost(before: number, j: number, i: number): number {
    const { oneLetter, twoLetters, firstThree, letterPrefix, endCost, innerCapitals, nameStart } = this.s;
    const spelling = i === j + 1 ? oneLetter[j]! : i === j + 2 ? twoLetters[j]! : firstThree[j]! + (letterPrefix[i]! - letterPrefix[j + 3]!) + endCost[i]!;
    const cost = before + UNKNOWN_WORD_COST + spelling + (innerCapitals[i]! - innerCapitals[j + 1]!) * INNER_CAPITAL_COST;
    return nameStart[j] && i > j + 1 ? cost - NAME_BONUS : cost;
  }

  /** Cost of the run measure() last measured as one unknown word with nothing before it: the price the Viterbi gives that piece. */
  wholeUnknownCost(n: number, camel: boolean, possessive = false): number {
    if (this.s.negations[n]! > 0) return Infinity;
    const { innerCapitals } = this.s;
    const camelRefund = camel ? (innerCapitals[n]! - innerCapitals[1]!) * INNER_CAPITAL_COST : 0;
    // A name's possessive (Wickham's) is the unknown name and its ending, as the Viterbi would price it.
    return possessive ? this.unknownWordCost(0, 0, n - 2) + POSSESSIVE_COST - camelRefund : this.unknownWordCost(0, 0, n) - camelRefund;
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
