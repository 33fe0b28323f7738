/**
 * How likely a typist meant `intended` but wrote `typed`: a weighted optimal-string-alignment
 * distance where the slips people actually make cost less than one edit (a doubled or undoubled
 * letter, a vowel for another, a letter for one that sounds alike or sits next to it on the
 * keyboard, a forgotten apostrophe or silent final e, one spelling of a sound for another: gh/f,
 * ea/e, pt/t…, a letter typed two places off, a repeated syllable typed once, an unstressed
 * syllable left out) and a wrong first letter costs more (a first vowel for another only a little).
 */

import { growTo } from '../typed-array.ts';

const VOWELS = 'aeiou';
// Letters that spell the same sound in some English words (or that learners often swap: v/w).
const SOUND_ALIKE = ['cks', 'cq', 'sz', 'sc', 'gj', 'fv', 'ph', 'dt', 'bp', 'mn', 'iy', 'ck', 'xz', 'wu', 'vw'];
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const APOSTROPHE = 39;

const DOUBLING = 0.45;
const VOWEL_FOR_VOWEL = 0.6;
const SOUND_FOR_SOUND = 0.7;
const NEIGHBOUR_KEY = 0.8;
const TRANSPOSITION = 0.7;
// A letter left out is the commonest slip, commoner than one typed too many (slowy → slowly, not slow).
const DROPPED_LETTER = 0.75;
const DROPPED_VOWEL = 0.75;
const VOWEL_DROPPED_OR_ADDED = 0.85;
const MISSING_APOSTROPHE = 0.2;
// Deleting or replacing an apostrophe the writer typed on purpose is unlikely ("wo'nt" means "won't", not "wont").
const TYPED_APOSTROPHE_WRONG = 1.2;
const FIRST_LETTER_PENALTY = 0.6;
// A first vowel for another is a common slip (enquire, inquire), a first letter left out only a deletion.
const FIRST_VOWEL_PENALTY = 0.3;
// A silent final e after a consonant, left out or added (nite, routin).
const SILENT_E = 0.45;
// A letter typed two places early or late (yrea, tyhe → year, they): two edits, one slip.
const MOVED_LETTER = 1;
// A repeated syllable typed once or once more (repetion, suburburban): 2–3 letters left out or
// added that begin with the letter following them; weaker evidence when that letter is a vowel.
const SYLLABLE = 1;
// An unstressed syllable left out: a consonant and the vowel after it (qua(li)ties).
const DROPPED_SYLLABLE = 1.3;
const SYLLABLE_BEFORE_VOWEL = 1.5;
/**
 * A lower bound of errorCost() for the intended word text[from, to) at edit distance `distance`,
 * cheap enough to skip computing the cost for candidates that could not rank high anyway.
 */
export function spanCostFloor(typed: string, text: string, from: number, to: number, distance: number): number {
  return CHEAPEST_EDIT * distance + firstLetterPenalty(typed, text, from, to);
}

function firstLetterPenalty(typed: string, text: string, from: number, to: number): number {
  const a = typed.charCodeAt(0);
  const b = text.charCodeAt(from);
  if (a === b || (from + 1 < to && a === text.charCodeAt(from + 1))) return 0;
  return a < 128 && b < 128 && IS_VOWEL[a] && IS_VOWEL[b] ? FIRST_VOWEL_PENALTY : FIRST_LETTER_PENALTY;
}

// Substitution costs between ASCII characters (intended × 128 + typed: letterColumn reads one
// intended letter's); other pairs cost 1.
const SUBSTITUTION = new Float64Array(128 * 128).fill(1);
const setCost = (a: string, b: string, cost: number) => {
  const at = b.charCodeAt(0) * 128 + a.charCodeAt(0);
  SUBSTITUTION[at] = Math.min(SUBSTITUTION[at]!, cost);
};
for (const a of VOWELS) for (const b of VOWELS) setCost(a, b, VOWEL_FOR_VOWEL);
for (const group of SOUND_ALIKE) for (const a of group) for (const b of group) setCost(a, b, SOUND_FOR_SOUND);
for (let r = 0; r < KEYBOARD_ROWS.length; r++) {
  const row = KEYBOARD_ROWS[r]!;
  for (let i = 0; i < row.length; i++) {
    const neighbours = [row[i - 1], row[i + 1], KEYBOARD_ROWS[r - 1]?.[i], KEYBOARD_ROWS[r - 1]?.[i + 1], KEYBOARD_ROWS[r + 1]?.[i], KEYBOARD_ROWS[r + 1]?.[i - 1]];
    for (const b of neighbours) if (b) setCost(row[i]!, b, NEIGHBOUR_KEY);
  }
}
for (let c = 0; c < 128; c++) {
  SUBSTITUTION[c * 128 + c] = 0;
  if (c !== APOSTROPHE) SUBSTITUTION[c * 128 + APOSTROPHE] = SUBSTITUTION[APOSTROPHE * 128 + c] = TYPED_APOSTROPHE_WRONG;
}
// Letters that spell the same sound (or where one letter is silent), and plural endings, either way round.
const SAME_SOUND: [string, string][] = [
  ['f', 'ph'], ['f', 'gh'], ['t', 'ght'], ['t', 'pt'], ['n', 'kn'], ['r', 'wr'], ['m', 'mb'], ['s', 'sc'], ['k', 'ck'], ['c', 'ck'],
  ['k', 'ch'], ['c', 'ch'], ['ch', 'tch'], ['sh', 'ti'], ['sh', 'ci'], ['j', 'dg'], ['ks', 'x'], ['kw', 'qu'],
  ['e', 'ea'], ['ee', 'ea'], ['o', 'oa'], ['u', 'ou'], ['o', 'ou'], ['oo', 'ou'], ['u', 'oo'], ['e', 'ai'], ['a', 'ai'], ['u', 'ui'], ['i', 'ui'],
  ['i', 'ie'], ['e', 'ie'], ['y', 'ie'], ['ee', 'ie'], ['o', 'ow'], ['ay', 'ei'], ['a', 'ay'],
  ['o', 'ough'], ['u', 'ough'], ['ow', 'ough'], ['ys', 'ies'], ['s', 'es'], ['ance', 'ence'], ['ant', 'ent'], ['able', 'ible'], ['er', 'or'], ['er', 'ar'], ['sion', 'tion'],
];
const SAME_SOUND_COST = 0.45;
/**
 * A directed rule, typed `from` written for an intended side that ends in toLast; its number `index`
 * in RULE_FROM_LENGTH… (RULE_TO_CODES holds the intended side).
 */
interface SoundRule {
  from: string;
  toLast: number;
  index: number;
}
// Directed rules, by the last character of `from` (ASCII), then by the last of `to`; and what the
// cost table reads of them, flat: their sides' lengths and `to`'s character codes (at RULE_TO_AT).
const SOUND_RULES: SoundRule[][] = Array.from({ length: 128 }, () => []);
const RULE_FROM_LENGTH: number[] = [];
const RULE_TO_LENGTH: number[] = [];
const RULE_TO_AT: number[] = [];
const ruleToCodes: number[] = [];
for (const [a, b] of SAME_SOUND) {
  for (const [from, to] of [[a, b], [b, a]] as const) {
    const last = from.charCodeAt(from.length - 1);
    const index = RULE_FROM_LENGTH.length;
    RULE_FROM_LENGTH.push(from.length);
    RULE_TO_LENGTH.push(to.length);
    RULE_TO_AT.push(ruleToCodes.length);
    for (const c of to) ruleToCodes.push(c.charCodeAt(0));
    SOUND_RULES[last]!.push({ from, toLast: to.charCodeAt(to.length - 1), index });
  }
}
for (const rules of SOUND_RULES) rules.sort((a, b) => a.toLast - b.toLast);
const MOST_RULES_PER_LETTER = Math.max(...SOUND_RULES.map((rules) => rules.length));
const RULE_TO_CODES = Int32Array.from(ruleToCodes);

// The most letters of either word one step of the alignment consumes: a rule's side, a moved letter's three, a syllable's three.
const LONGEST_STEP = Math.max(3, ...SAME_SOUND.flat().map((s) => s.length));
// The least an edit can cost: a missing apostrophe, or a share of a step that stands for several edits.
const CHEAPEST_EDIT = Math.min(MISSING_APOSTROPHE, SAME_SOUND_COST / 3, SYLLABLE / 3, MOVED_LETTER / 2, DROPPED_SYLLABLE / 2);

const IS_VOWEL = new Uint8Array(128);
for (const v of VOWELS) IS_VOWEL[v.charCodeAt(0)] = 1;

// Per intended letter (slot NON_ASCII_SLOT for any non-ASCII one), a column of the typed word's rows (see letterColumn).
const NON_ASCII_SLOT = 128;
// Room from the start for words of up to ROOM letters: growing an array for a longer word would
// also send the optimised code that reads it back to the interpreter for a while.
const ROOM = 32;

/**
 * Cost of character c, between `before` and `after` (-1 at either end of the word), being there in
 * one spelling and not the other; `final` when it ends a word of three characters or more.
 * `consonant` and `vowel`: what a plain one costs (less when the typist left it out).
 */
function indelCost(c: number, before: number, after: number, final: boolean, apostrophe: number, consonant = 1, vowel = VOWEL_DROPPED_OR_ADDED): number {
  if (c === APOSTROPHE) return apostrophe;
  if (before === c || after === c) return DOUBLING;
  if (c === 101 && final && !IS_VOWEL[before]) return SILENT_E;
  return c < 128 && IS_VOWEL[c] ? vowel : consonant;
}

/**
 * Whether the letters before character c (-1 for none) are a repeated syllable's, 2 (bit 1) or 3
 * (bit 2) of them that begin with c: typed once more or once less, they cost repeatCost(c).
 */
function repeatedSyllable(c: number, twoBack: number, threeBack: number): number {
  return c < 0 ? 0 : (c === twoBack ? 1 : 0) | (c === threeBack ? 2 : 0);
}

// Weaker evidence when the letter the syllable repeats is a vowel.
const repeatCost = (c: number) => (IS_VOWEL[c] ? SYLLABLE_BEFORE_VOWEL : SYLLABLE);

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
