/**
 * What each slip costs the error model (error-model.ts), in edits: the constants, the substitution
 * table between ASCII characters, and the rules for letters that spell the same sound.
 */

const VOWELS = 'aeiou';
// Letters that spell the same sound in some English words (or that learners often swap: v/w).
const SOUND_ALIKE = ['cks', 'cq', 'sz', 'sc', 'gj', 'fv', 'ph', 'dt', 'bp', 'mn', 'iy', 'ck', 'xz', 'wu', 'vw'];
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
export const APOSTROPHE = 39;

const DOUBLING = 0.45;
const VOWEL_FOR_VOWEL = 0.6;
const SOUND_FOR_SOUND = 0.7;
const NEIGHBOUR_KEY = 0.8;
export const TRANSPOSITION = 0.7;
// A letter left out is the commonest slip, commoner than one typed too many (slowy → slowly, not slow).
export const DROPPED_LETTER = 0.75;
export const DROPPED_VOWEL = 0.75;
const VOWEL_DROPPED_OR_ADDED = 0.85;
export const MISSING_APOSTROPHE = 0.2;
// Deleting or replacing an apostrophe the writer typed on purpose is unlikely ("wo'nt" means "won't", not "wont").
export const TYPED_APOSTROPHE_WRONG = 1.2;
const FIRST_LETTER_PENALTY = 0.6;
// A first vowel for another is a common slip (enquire, inquire), a first letter left out only a deletion.
const FIRST_VOWEL_PENALTY = 0.3;
// A silent final e after a consonant, left out or added (nite, routin).
const SILENT_E = 0.45;
// A letter typed two places early or late (yrea, tyhe → year, they): two edits, one slip.
export const MOVED_LETTER = 1;
// A repeated syllable typed once or once more (repetion, suburburban): 2–3 letters left out or
// added that begin with the letter following them; weaker evidence when that letter is a vowel.
const SYLLABLE = 1;
// An unstressed syllable left out: a consonant and the vowel after it (qua(li)ties).
export const DROPPED_SYLLABLE = 1.3;
const SYLLABLE_BEFORE_VOWEL = 1.5;
/**
 * A lower bound of errorCost() for the intended word text[from, to) at edit distance `distance`,
 * cheap enough to skip computing the cost for candidates that could not rank high anyway.
 */
export function spanCostFloor(typed: string, text: string, from: number, to: number, distance: number): number {
  return CHEAPEST_EDIT * distance + firstLetterPenalty(typed, text, from, to);
}

export function firstLetterPenalty(typed: string, text: string, from: number, to: number): number {
  const a = typed.charCodeAt(0);
  const b = text.charCodeAt(from);
  if (a === b || (from + 1 < to && a === text.charCodeAt(from + 1))) return 0;
  return a < 128 && b < 128 && IS_VOWEL[a] && IS_VOWEL[b] ? FIRST_VOWEL_PENALTY : FIRST_LETTER_PENALTY;
}

// Substitution costs between ASCII characters (intended × 128 + typed: letterColumn reads one
// intended letter's); other pairs cost 1.
export const SUBSTITUTION = new Float64Array(128 * 128).fill(1);
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
export const SAME_SOUND_COST = 0.45;
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
export const SOUND_RULES: SoundRule[][] = Array.from({ length: 128 }, () => []);
export const RULE_FROM_LENGTH: number[] = [];
export const RULE_TO_LENGTH: number[] = [];
export const RULE_TO_AT: number[] = [];
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
export const MOST_RULES_PER_LETTER = Math.max(...SOUND_RULES.map((rules) => rules.length));
export const RULE_TO_CODES = Int32Array.from(ruleToCodes);

// The most letters of either word one step of the alignment consumes: a rule's side, a moved letter's three, a syllable's three.
export const LONGEST_STEP = Math.max(3, ...SAME_SOUND.flat().map((s) => s.length));
// The least an edit can cost: a missing apostrophe, or a share of a step that stands for several edits.
const CHEAPEST_EDIT = Math.min(MISSING_APOSTROPHE, SAME_SOUND_COST / 3, SYLLABLE / 3, MOVED_LETTER / 2, DROPPED_SYLLABLE / 2);

export const IS_VOWEL = new Uint8Array(128);
for (const v of VOWELS) IS_VOWEL[v.charCodeAt(0)] = 1;

/**
 * Cost of character c, between `before` and `after` (-1 at either end of the word), being there in
 * one spelling and not the other; `final` when it ends a word of three characters or more.
 * `consonant` and `vowel`: what a plain one costs (less when the typist left it out).
 */
export function indelCost(c: number, before: number, after: number, final: boolean, apostrophe: number, consonant = 1, vowel = VOWEL_DROPPED_OR_ADDED): number {
  if (c === APOSTROPHE) return apostrophe;
  if (before === c || after === c) return DOUBLING;
  if (c === 101 && final && !IS_VOWEL[before]) return SILENT_E;
  return c < 128 && IS_VOWEL[c] ? vowel : consonant;
}

/**
 * Whether the letters before character c (-1 for none) are a repeated syllable's, 2 (bit 1) or 3
 * (bit 2) of them that begin with c: typed once more or once less, they cost repeatCost(c).
 */
export function repeatedSyllable(c: number, twoBack: number, threeBack: number): number {
  return c < 0 ? 0 : (c === twoBack ? 1 : 0) | (c === threeBack ? 2 : 0);
}

// Weaker evidence when the letter the syllable repeats is a vowel.
export const repeatCost = (c: number) => (IS_VOWEL[c] ? SYLLABLE_BEFORE_VOWEL : SYLLABLE);
