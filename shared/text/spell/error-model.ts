/**
 * How likely a typist meant `intended` but wrote `typed`: a weighted optimal-string-alignment
 * distance where the slips people actually make cost less than one edit (a doubled or undoubled
 * letter, a vowel for another, a letter for one that sounds alike or sits next to it on the
 * keyboard, a forgotten apostrophe or silent final e, one spelling of a sound for another: gh/f,
 * ea/e, pt/t…, a letter typed two places off, a repeated syllable typed once, an unstressed
 * syllable left out) and a wrong first letter costs more (a first vowel for another only a little).
 */

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
 * A lower bound of errorCost(typed, intended) from their edit distance, cheap enough to skip
 * computing it for candidates that could not rank high anyway.
 */
export function costFloor(typed: string, intended: string, distance: number): number {
  return CHEAPEST_EDIT * distance + firstLetterPenalty(typed, intended);
}

function firstLetterPenalty(typed: string, intended: string): number {
  const a = typed.charCodeAt(0);
  const b = intended.charCodeAt(0);
  if (a === b || a === intended.charCodeAt(1)) return 0;
  return a < 128 && b < 128 && IS_VOWEL[a] && IS_VOWEL[b] ? FIRST_VOWEL_PENALTY : FIRST_LETTER_PENALTY;
}

// Substitution costs between ASCII characters (typed × 128 + intended); other pairs cost 1.
const SUBSTITUTION = new Float64Array(128 * 128).fill(1);
const setCost = (a: string, b: string, cost: number) => {
  const at = a.charCodeAt(0) * 128 + b.charCodeAt(0);
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
/** A directed rule: typed `from` written for intended `to`; `toCodes` holds `to`'s character codes. */
interface SoundRule {
  from: string;
  to: string;
  toCodes: Int32Array;
}
// Directed rules, by the last character of `from`.
const SOUND_RULES = new Map<number, SoundRule[]>();
for (const [a, b] of SAME_SOUND) {
  for (const [from, to] of [[a, b], [b, a]] as const) {
    const last = from.charCodeAt(from.length - 1);
    const toCodes = Int32Array.from(to, (c) => c.charCodeAt(0));
    SOUND_RULES.set(last, [...(SOUND_RULES.get(last) ?? []), { from, to, toCodes }]);
  }
}

// The most letters of either word one step of the alignment consumes: a rule's side, a moved letter's three, a syllable's three.
const LONGEST_STEP = Math.max(3, ...SAME_SOUND.flat().map((s) => s.length));
// The least an edit can cost: a missing apostrophe, or a share of a step that stands for several edits.
const CHEAPEST_EDIT = Math.min(MISSING_APOSTROPHE, SAME_SOUND_COST / 3, SYLLABLE / 3, MOVED_LETTER / 2, DROPPED_SYLLABLE / 2);

const IS_VOWEL = new Uint8Array(128);
for (const v of VOWELS) IS_VOWEL[v.charCodeAt(0)] = 1;

let table = new Float64Array(0);
let rowMin = new Float64Array(0);
let intendedCodes = new Int32Array(0);
let missingCost = new Float64Array(0);
let dropped = new Uint8Array(0);
// What depends on the typed word alone, kept for the next call: a query scores many candidates.
let lastTyped = '';
let typedCodes = new Int32Array(0);
let extraCost = new Float64Array(0);
let added = new Uint8Array(0);
/** Same-sound rules by the row where their typed side ends and the last letter of their intended side (row × 128 + letter). */
let ruleAt = new Uint8Array(0);
let rules: SoundRule[][] = [];

/** Cost of one character of `word` being there in one spelling and not the other. */
function indelCosts(word: string, codes: Int32Array, costs: Float64Array, apostrophe: number): void {
  const last = word.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = word.charCodeAt(i);
    codes[i] = c;
    if (c === APOSTROPHE) costs[i] = apostrophe;
    else if ((i > 0 && word.charCodeAt(i - 1) === c) || (i < last && word.charCodeAt(i + 1) === c)) costs[i] = DOUBLING;
    else if (c === 101 && i === last && i > 1 && !IS_VOWEL[word.charCodeAt(i - 1)]) costs[i] = SILENT_E;
    else costs[i] = c < 128 && IS_VOWEL[c] ? VOWEL_DROPPED_OR_ADDED : 1;
  }
}

/** Marks each position i of `word` whose letter also begins the 2 (bit 1) or 3 (bit 2) letters before it: a repeated syllable's. */
function syllables(word: string, marks: Uint8Array): void {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    marks[i] = (i >= 2 && word.charCodeAt(i - 2) === c ? 1 : 0) | (i >= 3 && word.charCodeAt(i - 3) === c ? 2 : 0);
  }
}

/** Caches the typed word's letters, deletion costs, syllables and same-sound rules. */
function prepare(typed: string): void {
  if (typed === lastTyped) return;
  lastTyped = typed;
  const n = typed.length;
  if (typedCodes.length < n) {
    typedCodes = new Int32Array(n * 2);
    extraCost = new Float64Array(n * 2);
    added = new Uint8Array(n * 2);
  }
  indelCosts(typed, typedCodes, extraCost, TYPED_APOSTROPHE_WRONG);
  syllables(typed, added);
  if (ruleAt.length < (n + 1) * 128) ruleAt = new Uint8Array((n + 1) * 256);
  else ruleAt.fill(0, 0, (n + 1) * 128);
  rules = [[]];
  for (let i = 1; i <= n; i++) {
    for (const rule of SOUND_RULES.get(typed.charCodeAt(i - 1)) ?? []) {
      if (rule.from.length > i || !typed.startsWith(rule.from, i - rule.from.length)) continue;
      const at = i * 128 + rule.to.charCodeAt(rule.to.length - 1);
      if (!ruleAt[at]) ruleAt[at] = rules.push([]) - 1;
      rules[ruleAt[at]!]!.push(rule);
    }
  }
}

/**
 * Weighted distance between two lower-case words; 0 when equal. Once the cost must exceed `limit`,
 * stops and returns Infinity.
 */
export function errorCost(typed: string, intended: string, limit = Infinity): number {
  prepare(typed);
  const penalty = firstLetterPenalty(typed, intended);
  limit -= penalty;
  const rows = typed.length + 1;
  const cols = intended.length + 1;
  if (table.length < rows * cols) table = new Float64Array(rows * cols * 2);
  if (rowMin.length < rows) rowMin = new Float64Array(rows * 2);
  if (intendedCodes.length < cols) {
    intendedCodes = new Int32Array(cols * 2);
    missingCost = new Float64Array(cols * 2);
    dropped = new Uint8Array(cols * 2);
  }
  const t = typedCodes;
  const u = intendedCodes;
  indelCosts(intended, u, missingCost, MISSING_APOSTROPHE);
  syllables(intended, dropped);
  // No syllable ends past the last letter (the array may hold a longer word's marks there).
  dropped[cols - 1] = 0;
  // Bit 4: intended[j − 2, j) is a consonant and then a vowel, an unstressed syllable one can leave out.
  for (let j = 3; j < cols; j++) {
    const consonant = u[j - 2]!;
    if (IS_VOWEL[u[j - 1]!] && consonant >= 97 && consonant <= 122 && !IS_VOWEL[consonant]) dropped[j]! |= 4;
  }
  const d = table;
  d[0] = 0;
  rowMin[0] = 0;
  for (let i = 1; i < rows; i++) d[i * cols] = d[(i - 1) * cols]! + extraCost[i - 1]!;
  for (let j = 1; j < cols; j++) d[j] = d[j - 1]! + missingCost[j - 1]!;
  for (let i = 1; i < rows; i++) {
    const a = t[i - 1]!;
    const extra = extraCost[i - 1]!;
    // The two typed letters before a, or -1 when there are none (no letter is -1, so no swap or move needing them matches).
    const c = i > 1 ? t[i - 2]! : -1;
    const e = i > 2 ? t[i - 3]! : -1;
    // Substitution costs for typed letter a start here; -1 when a is not ASCII (every other letter costs 1).
    const substitutions = a < 128 ? a * 128 : -1;
    const rulesAt = i * 128;
    // Added syllables: typed[i − k, i) when typed[i] repeats their first letter.
    const syllable = i < rows - 1 ? added[i]! : 0;
    const addedCost = IS_VOWEL[t[i]!] ? SYLLABLE_BEFORE_VOWEL : SYLLABLE;
    const row = i * cols;
    const up = row - cols;
    // The cells left of, above-left of and above the current one, carried along the row instead of read back.
    let left = d[row]!;
    let diagonal = d[up]!;
    let least = left;
    for (let j = 1; j < cols; j++) {
      const b = u[j - 1]!;
      const above = d[up + j]!;
      let value = diagonal + (a === b ? 0 : substitutions >= 0 && b < 128 ? SUBSTITUTION[substitutions + b]! : 1);
      const insert = above + extra;
      if (insert < value) value = insert;
      const remove = left + missingCost[j - 1]!;
      if (remove < value) value = remove;
      // Swapped and moved letters both need b typed one or two places earlier.
      if (a !== b && (c === b || e === b) && j > 1) {
        if (a === u[j - 2] && c === b) {
          const swap = d[up - cols + j - 2]! + (a === APOSTROPHE || b === APOSTROPHE ? MISSING_APOSTROPHE : TRANSPOSITION);
          if (swap < value) value = swap;
        }
        // A letter moved two places: typed cab or bca for intended abc.
        if (j > 2 && ((a === u[j - 3] && e === u[j - 2] && c === b) || (e === b && c === u[j - 3] && a === u[j - 2]))) {
          const moved = d[up - 2 * cols + j - 3]! + MOVED_LETTER;
          if (moved < value) value = moved;
        }
      }
      // Dropped syllables: intended[j − k, j) when intended[j] repeats their first letter, or a
      // consonant and a vowel (bit 4).
      const syllableDropped = dropped[j]!;
      if (syllableDropped) {
        const cost = IS_VOWEL[u[j]!] ? SYLLABLE_BEFORE_VOWEL : SYLLABLE;
        if (syllableDropped & 1 && j > 2 && d[row + j - 2]! + cost < value) value = d[row + j - 2]! + cost;
        if (syllableDropped & 2 && j > 3 && d[row + j - 3]! + cost < value) value = d[row + j - 3]! + cost;
        if (syllableDropped & 4 && d[row + j - 2]! + DROPPED_SYLLABLE < value) value = d[row + j - 2]! + DROPPED_SYLLABLE;
      }
      if (syllable) {
        if (syllable & 1 && i > 2 && d[up - cols + j]! + addedCost < value) value = d[up - cols + j]! + addedCost;
        if (syllable & 2 && i > 3 && d[up - 2 * cols + j]! + addedCost < value) value = d[up - 2 * cols + j]! + addedCost;
      }
      const r = b < 128 ? ruleAt[rulesAt + b]! : 0;
      if (r) {
        const list = rules[r]!;
        for (let k = 0; k < list.length; k++) {
          const { from, toCodes } = list[k]!;
          // Its last letter is b already; does the rest of `to` (if it fits) end here too?
          let at = toCodes.length - 1;
          if (at >= j) continue;
          while (at > 0 && toCodes[at - 1] === u[j - toCodes.length + at - 1]) at--;
          if (at > 0) continue;
          const sound = d[(i - from.length) * cols + j - toCodes.length]! + SAME_SOUND_COST;
          if (sound < value) value = sound;
        }
      }
      d[row + j] = value;
      if (value < least) least = value;
      diagonal = above;
      left = value;
    }
    // An alignment steps down at most LONGEST_STEP rows at a time, so it crosses one of the last
    // LONGEST_STEP rows: once all their cells exceed the limit, so does the cost.
    rowMin[i] = least;
    if (least > limit) {
      for (let k = 1; k < LONGEST_STEP && k <= i; k++) if (rowMin[i - k]! < least) least = rowMin[i - k]!;
      if (least > limit) return Infinity;
    }
  }
  return d[rows * cols - 1]! + penalty;
}
