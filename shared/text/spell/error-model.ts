/**
 * How likely a typist meant `intended` but wrote `typed`: a weighted optimal-string-alignment
 * distance where the slips people actually make cost less than one edit (a doubled or undoubled
 * letter, a vowel for another, a letter for one that sounds alike or sits next to it on the
 * keyboard, a forgotten apostrophe, one spelling of a sound for another: gh/f, ea/e, pt/t…) and
 * a wrong first letter costs more.
 */

const VOWELS = 'aeiou';
// Letters that spell the same sound in some English words.
const SOUND_ALIKE = ['cks', 'cq', 'sz', 'sc', 'gj', 'fv', 'ph', 'dt', 'bp', 'mn', 'iy', 'ck', 'xz', 'wu'];
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
/**
 * A lower bound of errorCost(typed, intended) from their edit distance, cheap enough to skip
 * computing it for candidates that could not rank high anyway.
 */
export function costFloor(typed: string, intended: string, distance: number): number {
  // A same-sound rule may stand for up to two edits (ght/t), so no edit costs less than half of it.
  const cheapest = Math.min(MISSING_APOSTROPHE, SAME_SOUND_COST / 2);
  return cheapest * distance + (typed.charCodeAt(0) === intended.charCodeAt(0) ? 0 : FIRST_LETTER_PENALTY);
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
  ['k', 'ch'], ['c', 'ch'], ['sh', 'ti'], ['sh', 'ci'], ['j', 'dg'], ['ks', 'x'], ['kw', 'qu'],
  ['e', 'ea'], ['ee', 'ea'], ['o', 'oa'], ['u', 'ou'], ['o', 'ou'], ['oo', 'ou'], ['u', 'oo'], ['e', 'ai'], ['a', 'ai'], ['u', 'ui'], ['i', 'ui'],
  ['i', 'ie'], ['e', 'ie'], ['y', 'ie'], ['ee', 'ie'], ['o', 'ow'], ['ay', 'ei'], ['a', 'ay'],
  ['o', 'ough'], ['u', 'ough'], ['ow', 'ough'], ['ys', 'ies'], ['s', 'es'], ['ance', 'ence'], ['ant', 'ent'], ['able', 'ible'], ['er', 'or'], ['er', 'ar'], ['sion', 'tion'],
];
const SAME_SOUND_COST = 0.45;
// Directed rules (typed `from` written for intended `to`), by the last character of `from`.
const SOUND_RULES = new Map<number, { from: string; to: string }[]>();
for (const [a, b] of SAME_SOUND) {
  for (const [from, to] of [[a, b], [b, a]] as const) {
    const last = from.charCodeAt(from.length - 1);
    SOUND_RULES.set(last, [...(SOUND_RULES.get(last) ?? []), { from, to }]);
  }
}

const IS_VOWEL = new Uint8Array(128);
for (const v of VOWELS) IS_VOWEL[v.charCodeAt(0)] = 1;

let table = new Float64Array(0);
let extraCost = new Float64Array(0);
let missingCost = new Float64Array(0);

/** Cost of one character of `word` being there in one spelling and not the other. */
function indelCosts(word: string, costs: Float64Array, apostrophe: number): void {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === APOSTROPHE) costs[i] = apostrophe;
    else if (word.charCodeAt(i - 1) === c || word.charCodeAt(i + 1) === c) costs[i] = DOUBLING;
    else costs[i] = c < 128 && IS_VOWEL[c] ? VOWEL_DROPPED_OR_ADDED : 1;
  }
}

/** Weighted distance between two lower-case words; 0 when equal. */
export function errorCost(typed: string, intended: string): number {
  const rows = typed.length + 1;
  const cols = intended.length + 1;
  if (table.length < rows * cols) table = new Float64Array(rows * cols * 2);
  if (extraCost.length < rows) extraCost = new Float64Array(rows * 2);
  if (missingCost.length < cols) missingCost = new Float64Array(cols * 2);
  const d = table;
  indelCosts(typed, extraCost, TYPED_APOSTROPHE_WRONG);
  indelCosts(intended, missingCost, MISSING_APOSTROPHE);
  d[0] = 0;
  for (let i = 1; i < rows; i++) d[i * cols] = d[(i - 1) * cols]! + extraCost[i - 1]!;
  for (let j = 1; j < cols; j++) d[j] = d[j - 1]! + missingCost[j - 1]!;
  for (let i = 1; i < rows; i++) {
    const a = typed.charCodeAt(i - 1);
    const extra = extraCost[i - 1]!;
    let rules: { from: string; to: string }[] | undefined;
    for (const rule of SOUND_RULES.get(a) ?? []) {
      if (rule.from.length <= i && typed.startsWith(rule.from, i - rule.from.length)) (rules ??= []).push(rule);
    }
    for (let j = 1; j < cols; j++) {
      const b = intended.charCodeAt(j - 1);
      const substitution = a === b ? 0 : a < 128 && b < 128 ? SUBSTITUTION[a * 128 + b]! : 1;
      let value = d[(i - 1) * cols + j - 1]! + substitution;
      const insert = d[(i - 1) * cols + j]! + extra;
      if (insert < value) value = insert;
      const remove = d[i * cols + j - 1]! + missingCost[j - 1]!;
      if (remove < value) value = remove;
      if (i > 1 && j > 1 && a !== b && a === intended.charCodeAt(j - 2) && typed.charCodeAt(i - 2) === b) {
        const swap = d[(i - 2) * cols + j - 2]! + (a === APOSTROPHE || b === APOSTROPHE ? MISSING_APOSTROPHE : TRANSPOSITION);
        if (swap < value) value = swap;
      }
      if (rules) {
        for (const { from, to } of rules) {
          if (to.length <= j && intended.startsWith(to, j - to.length)) {
            const sound = d[(i - from.length) * cols + j - to.length]! + SAME_SOUND_COST;
            if (sound < value) value = sound;
          }
        }
      }
      d[i * cols + j] = value;
    }
  }
  const cost = d[rows * cols - 1]!;
  return typed.charCodeAt(0) === intended.charCodeAt(0) ? cost : cost + FIRST_LETTER_PENALTY;
}
