/**
 * How likely a typist meant `intended` but wrote `typed`: a weighted optimal-string-alignment
 * distance where the slips people actually make cost less than one edit (a doubled or undoubled
 * letter, a vowel for another, a letter for one that sounds alike or sits next to it on the
 * keyboard, a forgotten apostrophe or silent final e, one spelling of a sound for another: gh/f,
 * ea/e, pt/t…, a letter typed two places off, a repeated syllable typed once, an unstressed
 * syllable left out) and a wrong first letter costs more (a first vowel for another only a little).
 */

import { growTo } from '../typed-array.ts';
import {
  APOSTROPHE,
  DROPPED_LETTER,
  DROPPED_SYLLABLE,
  DROPPED_VOWEL,
  IS_VOWEL,
  LONGEST_STEP,
  MISSING_APOSTROPHE,
  MOST_RULES_PER_LETTER,
  MOVED_LETTER,
  RULE_FROM_LENGTH,
  RULE_TO_AT,
  RULE_TO_CODES,
  RULE_TO_LENGTH,
  SAME_SOUND_COST,
  SOUND_RULES,
  SUBSTITUTION,
  TRANSPOSITION,
  TYPED_APOSTROPHE_WRONG,
  firstLetterPenalty,
  indelCost,
  repeatCost,
  repeatedSyllable,
} from './slip-costs.ts';

// Per intended letter (slot NON_ASCII_SLOT for any non-ASCII one), a column of the typed word's rows (see letterColumn).
const NON_ASCII_SLOT = 128;
// Room from the start for words of up to ROOM letters: growing an array for a longer word would
// also send the optimised code that reads it back to the interpreter for a while.
const ROOM = 32;

/**
 * The error model's working memory, owned by one checker: what depends on the typed word is kept
 * for the next call (a query scores many candidates), and so are the cost table's columns of a
 * prefix the next intended word shares. Calls in any order give the same costs; only their speed
 * depends on the order.
 */
export class ErrorModel {
  /**
   * The letter columns (see letterColumn), then from tableAt the cost table, column by column: column j
   * (intended[0, j)) at j × rows, row i (typed[0, i)) within. One array, as optimised code checks
   * each typed array the inner loop reads on every access.
   */
  private memory = new Float64Array(0);
  private tableAt = 0;
  private columnMin = new Float64Array(0);
  // How many of the table's first columns hold the previous call's, and the length of its intended word
  // (in intendedCodes): column j depends on the intended word's first j + 1 letters only (a letter's
  // costs look at the next), so a candidate sharing them with the previous one keeps them.
  private columnsKept = 0;
  private lastLength = 0;
  private intendedCodes = new Int32Array(0);
  // What depends on the typed word alone, kept for the next call.
  private lastTyped = '';
  private typedCodes = new Int32Array(0);
  private extraCost = new Float64Array(0);
  private added = new Uint8Array(0);
  // Per row, what leaving out the repeated syllable ending there costs.
  private addedCost = new Float64Array(0);
  /**
   * Same-sound rules by the row where their typed side ends and the last letter of their intended side
   * (row × 128 + letter): 0 for none, else where in ruleLists their count is, then their indices.
   */
  private ruleAt = new Int32Array(0);
  private ruleLists = new Int32Array(0);
  /**
   * Per intended letter (slot NON_ASCII_SLOT for any non-ASCII one), whether its column of the typed
   * word's rows in memory is filled; filled when first needed, with three numbers per row: what
   * substituting the letter costs, what the typed letter costs as an extra one (extraCost), and which
   * steps other than the plain edits could end there: bit 1 a swapped or moved letter, bit 2 an added
   * syllable, and above those ruleAt's entry for the row and letter (where its same-sound rules are
   * listed). The inner loop reads these from the array it writes the table to, instead of SUBSTITUTION
   * (larger than the L1 cache), extraCost and ruleAt, and skips the rarer steps in one test.
   */
  private readonly letterReady = new Uint8Array(NON_ASCII_SLOT + 1);

  constructor() {
    this.roomForTyped(ROOM);
    this.roomForTable(ROOM + 1, ROOM + 1);
  }

  /**
   * Weighted distance between two lower-case words; 0 when equal. Once the cost must exceed `limit`,
   * stops and returns Infinity.
   */
  errorCost(typed: string, intended: string, limit = Infinity): number {
    return this.spanErrorCost(typed, intended, 0, intended.length, limit);
  }

  /**
   * errorCost() of the intended word text[from, to): the candidate index holds the lexicon as one
   * string, already in the cache after the lookup, where each word as a string of its own would not be.
   */
  spanErrorCost(typed: string, text: string, from: number, to: number, limit = Infinity): number {
    this.prepare(typed);
    const penalty = firstLetterPenalty(typed, text, from, to);
    limit -= penalty;
    const rows = typed.length + 1;
    const length = to - from;
    const cols = length + 1;
    this.roomForTable(rows, cols);
    // Fields read in the loops below, as locals (the arrays are grown above, not in the loops).
    const { intendedCodes: u, typedCodes: t, memory: d, tableAt: start, columnMin, extraCost, added, addedCost, ruleLists } = this;
    // Letters shared with the previous intended word, whose columns stay.
    let shared = 0;
    while (shared < length && shared < this.lastLength && u[shared] === text.charCodeAt(from + shared)) shared++;
    for (let j = shared; j < length; j++) u[j] = text.charCodeAt(from + j);
    this.lastLength = length;
    if (this.columnsKept === 0) {
      d[start] = 0;
      for (let i = 1; i < rows; i++) d[start + i] = d[start + i - 1]! + extraCost[i - 1]!;
      columnMin[0] = 0;
      this.columnsKept = 1;
    }
    for (let j = Math.max(1, Math.min(shared, this.columnsKept)); j < cols; j++) {
      const b = u[j - 1]!;
      const b1 = j > 1 ? u[j - 2]! : -1;
      const b2 = j > 2 ? u[j - 3]! : -1;
      const next = j < length ? u[j]! : -1;
      // What leaving out intended[j − 1] costs (its letters are computed per column, as far as the limit lets the alignment go).
      const missing = indelCost(b, b1, next, j === length && j > 2, MISSING_APOSTROPHE, DROPPED_LETTER, DROPPED_VOWEL);
      // Dropped syllables: intended[j − k, j) when intended[j] repeats their first letter (bits 1 and
      // 2), or a consonant and a vowel, an unstressed syllable one can leave out (bit 4).
      const syllableDropped = repeatedSyllable(next, b1, b2) | (j > 2 && IS_VOWEL[b] && b1 >= 97 && b1 <= 122 && !IS_VOWEL[b1] ? 4 : 0);
      const dropCost = repeatCost(next);
      const column = start + j * rows;
      const previous = column - rows;
      const letter = this.letterColumn(b, rows);
      // The cells above, above-left of and left of the current one, carried down the column instead of read back.
      let above = d[previous]! + missing;
      d[column] = above;
      let least = above;
      let diagonal = d[previous]!;
      for (let i = 1, at = letter + 3; i < rows; i++, at += 3) {
        const left = d[previous + i]!;
        let value = diagonal + d[at]!;
        const insert = above + d[at + 1]!;
        if (insert < value) value = insert;
        const remove = left + missing;
        if (remove < value) value = remove;
        const step = d[at + 2]!;
        if (step) {
          if (step & 1 && j > 1) {
            const a = t[i - 1]!;
            const c = i > 1 ? t[i - 2]! : -1;
            const e = i > 2 ? t[i - 3]! : -1;
            if (a === b1 && c === b) {
              const swap = d[previous - rows + i - 2]! + (a === APOSTROPHE || b === APOSTROPHE ? MISSING_APOSTROPHE : TRANSPOSITION);
              if (swap < value) value = swap;
            }
            // A letter moved two places: typed cab or bca for intended abc.
            if (j > 2 && ((a === b2 && e === b1 && c === b) || (e === b && c === b2 && a === b1))) {
              const moved = d[previous - 2 * rows + i - 3]! + MOVED_LETTER;
              if (moved < value) value = moved;
            }
          }
          // Added syllables: typed[i − k, i) when typed[i] repeats their first letter.
          if (step & 2) {
            const syllable = added[i]!;
            const cost = addedCost[i]!;
            if (syllable & 1 && i > 2 && d[column + i - 2]! + cost < value) value = d[column + i - 2]! + cost;
            if (syllable & 2 && i > 3 && d[column + i - 3]! + cost < value) value = d[column + i - 3]! + cost;
          }
          const r = step >> 2;
          if (r) {
            for (let k = r + 1, end = r + 1 + ruleLists[r]!; k < end; k++) {
              const rule = ruleLists[k]!;
              const toLength = RULE_TO_LENGTH[rule]!;
              // Its last letter is b already; does the rest of `to` (if it fits) end here too?
              if (toLength > j) continue;
              const toAt = RULE_TO_AT[rule]!;
              let rest = toLength - 1;
              while (rest > 0 && RULE_TO_CODES[toAt + rest - 1] === u[j - toLength + rest - 1]) rest--;
              if (rest > 0) continue;
              const sound = d[start + (j - toLength) * rows + i - RULE_FROM_LENGTH[rule]!]! + SAME_SOUND_COST;
              if (sound < value) value = sound;
            }
          }
        }
        if (syllableDropped) {
          if (syllableDropped & 1 && j > 2 && d[previous - rows + i]! + dropCost < value) value = d[previous - rows + i]! + dropCost;
          if (syllableDropped & 2 && j > 3 && d[previous - 2 * rows + i]! + dropCost < value) value = d[previous - 2 * rows + i]! + dropCost;
          if (syllableDropped & 4 && d[previous - rows + i]! + DROPPED_SYLLABLE < value) value = d[previous - rows + i]! + DROPPED_SYLLABLE;
        }
        d[column + i] = value;
        if (value < least) least = value;
        diagonal = left;
        above = value;
      }
      columnMin[j] = least;
      this.columnsKept = j + 1;
      // An alignment steps right at most LONGEST_STEP columns at a time, so it crosses one of the last
      // LONGEST_STEP columns: once all their cells exceed the limit, so does the cost.
      if (least > limit) {
        for (let k = 1; k < LONGEST_STEP && k <= j; k++) if (columnMin[j - k]! < least) least = columnMin[j - k]!;
        if (least > limit) return Infinity;
      }
    }
    return d[start + cols * rows - 1]! + penalty;
  }

  /** Caches the typed word's letters, deletion costs, syllables and same-sound rules. */
  private prepare(typed: string): void {
    if (typed === this.lastTyped) return;
    this.lastTyped = typed;
    this.columnsKept = 0;
    this.letterReady.fill(0);
    const n = typed.length;
    this.roomForTyped(n);
    const { typedCodes, extraCost, added, addedCost, ruleAt, ruleLists } = this;
    for (let i = 0; i < n; i++) typedCodes[i] = typed.charCodeAt(i);
    for (let i = 0; i < n; i++) extraCost[i] = indelCost(typedCodes[i]!, i > 0 ? typedCodes[i - 1]! : -1, i < n - 1 ? typedCodes[i + 1]! : -1, i === n - 1 && i > 1, TYPED_APOSTROPHE_WRONG);
    for (let i = 0; i < n; i++) {
      const c = typedCodes[i]!;
      added[i] = repeatedSyllable(c, i >= 2 ? typedCodes[i - 2]! : -1, i >= 3 ? typedCodes[i - 3]! : -1);
      addedCost[i] = repeatCost(c);
    }
    // No syllable starts past the last letter (the arrays may hold a longer word's there).
    added[n] = 0;
    ruleAt.fill(0, 0, (n + 1) * 128);
    // The lists end to end, each after its count (ruleLists[0] is unused, so 0 can mean none). A
    // row's rules come by the last letter of `to`, so each list's are consecutive.
    let offset = 1;
    for (let i = 1; i <= n; i++) {
      const c = typedCodes[i - 1]!;
      if (c >= 128) continue;
      let count = 0;
      let toLast = -1;
      for (const rule of SOUND_RULES[c]!) {
        // Does `from` end at i? (Its last letter is c already.)
        const from = rule.from;
        if (from.length > i) continue;
        let k = from.length - 1;
        while (k > 0 && from.charCodeAt(k - 1) === typedCodes[i - from.length + k - 1]) k--;
        if (k > 0) continue;
        if (rule.toLast !== toLast) {
          toLast = rule.toLast;
          count = offset++;
          ruleLists[count] = 0;
          ruleAt[i * 128 + toLast] = count;
        }
        ruleLists[count]!++;
        ruleLists[offset++] = rule.index;
      }
    }
  }

  /** Where the typed word's column for intended letter b starts in memory, filling it if needed. */
  private letterColumn(b: number, rows: number): number {
    const slot = b < 128 ? b : NON_ASCII_SLOT;
    const at = slot * rows * 3;
    // The non-ASCII slot serves every such letter, so it is filled each time.
    if (slot !== NON_ASCII_SLOT && this.letterReady[slot]) return at;
    this.letterReady[slot] = 1;
    const { typedCodes: t, memory, extraCost, added, ruleAt } = this;
    for (let i = 1; i < rows; i++) {
      const a = t[i - 1]!;
      memory[at + i * 3] = a === b ? 0 : a < 128 && b < 128 ? SUBSTITUTION[b * 128 + a]! : 1;
      memory[at + i * 3 + 1] = extraCost[i - 1]!;
      // Swapped and moved letters both need b typed one or two places earlier.
      const moved = a !== b && ((i > 1 && t[i - 2] === b) || (i > 2 && t[i - 3] === b));
      memory[at + i * 3 + 2] = (moved ? 1 : 0) | (added[i] ? 2 : 0) | (b < 128 ? ruleAt[i * 128 + b]! << 2 : 0);
    }
    return at;
  }

  /** Grows what depends on the typed word to hold one of n letters; the table's contents go, its capacity stays. */
  private roomForTyped(n: number): void {
    if (this.typedCodes.length < n + 1) {
      this.typedCodes = new Int32Array(n * 2 + 1);
      this.extraCost = new Float64Array(n * 2 + 1);
      this.added = new Uint8Array(n * 2 + 1);
      this.addedCost = new Float64Array(n * 2 + 1);
      const tableSize = this.memory.length - this.tableAt;
      this.tableAt = (n * 2 + 1) * 3 * (NON_ASCII_SLOT + 1);
      this.memory = new Float64Array(this.tableAt + tableSize);
      this.columnsKept = 0;
    }
    if (this.ruleAt.length < (n + 1) * 128) this.ruleAt = new Int32Array((n + 1) * 256);
    const size = n * MOST_RULES_PER_LETTER * 2 + 1;
    if (this.ruleLists.length < size) this.ruleLists = new Int32Array(size * 2);
  }

  /** Grows the cost table to rows × cols, keeping the letter columns, and the per-column arrays to cols. */
  private roomForTable(rows: number, cols: number): void {
    if (this.memory.length - this.tableAt < rows * cols) {
      const grown = new Float64Array(this.tableAt + rows * cols * 2);
      grown.set(this.memory.subarray(0, this.tableAt));
      this.memory = grown;
      this.columnsKept = 0;
    }
    if (this.columnMin.length < cols) this.columnMin = new Float64Array(cols * 2);
    if (this.intendedCodes.length < cols) this.intendedCodes = growTo(this.intendedCodes, cols * 2);
  }
}
