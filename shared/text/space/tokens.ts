// What a whitespace-free chunk holds besides letter runs and punctuation: spans copied as they are
// (URLs, e-mail addresses, mentions, hashtags, paths), numbers with what belongs to them, emoji, and
// letters of other scripts. The segmenter spaces around these and splits only the Latin letters.

// URLs run to the chunk's end but for trailing punctuation; an e-mail's local part takes what a
// mailbox may hold, so text glued before it stays in it; mentions and hashtags take word characters;
// a path needs two slashes ("/usr/local", not "and/or").
const PROTECTED_SPAN =
  /(?:https?|ftps?|file):\/\/\S*[^\s.,;:!?'"’”)\]}]|www\.\S*[^\s.,;:!?'"’”)\]}]|[\p{L}\p{N}._%+-]*[\p{L}\p{N}_%+-]@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|[@#][\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*|~?\/[\p{L}\p{N}._-]+(?:\/[\p{L}\p{N}._-]*)+/gu;
/** Code, markup, assignments and slashes but between digits (3/4): a chunk holding one outside the spans above is copied whole. */
const CODE_CHARACTER = /[_\\=<>]|(?<!\p{Nd})\/|\/(?!\p{Nd})/u;

/** Every span above holds one of these: a chunk without any (most words) needs no search. */
const SPAN_CHARACTER = /[:.@#/]/u;

/** Start and end of each protected span in chunk, in order. */
export function protectedSpans(chunk: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (!SPAN_CHARACTER.test(chunk)) return spans;
  for (const match of chunk.matchAll(PROTECTED_SPAN)) spans.push([match.index, match.index + match[0].length]);
  return spans;
}

/** Whether the chunk is code or markup (`x=1`, `<b>`, `snake_case`, `C:\dir`, `and/or`) once its protected spans are left out. */
export function isCodeChunk(chunk: string, spans: ReadonlyArray<[number, number]>): boolean {
  let from = 0;
  for (const [start, end] of spans) {
    if (CODE_CHARACTER.test(chunk.slice(from, start))) return true;
    from = end;
  }
  return CODE_CHARACTER.test(chunk.slice(from));
}

// A number: an optional currency sign, digit groups joined by . , : - / (3.50, 1,200, 6:45, 020-7946, 3/4), an optional per cent or degree sign (25°C).
const NUMBER = /[$€£¥₹]?\p{Nd}+(?:[.,:/-]\p{Nd}+)*(?:%|°[CF]?)?/uy;
const CURRENCY = /[$€£¥₹]/u;

/** End of the number starting at index, or -1. */
export function numberEnd(chunk: string, index: number): number {
  NUMBER.lastIndex = index;
  return NUMBER.test(chunk) ? NUMBER.lastIndex : -1;
}

export function startsWithCurrency(number: string): boolean {
  return CURRENCY.test(number[0]!);
}

// Letters that belong to the number before them, with −ln of how likely each is there against the
// letters starting the next word instead: the Viterbi's costs decide "3b is on" against "3 bison".
const UNITS = ['k', 'm', 'bn', 'km', 'kg', 'cm', 'mm', 'ml', 'g', 'lb', 'lbs', 'oz', 'kb', 'mb', 'gb', 'tb', 'hz', 'mhz', 'ghz', 'px', 'pt', 'h', 'hr', 'hrs', 'min', 'mins', 'ms', 'mph', 'kph', 'x', 'd'];
const UNIT_COST = 2;
const ORDINAL_COST = 0;
const WRONG_ORDINAL_COST = 4;
const DECADE_COST = 1;
const CLOCK_COST = 0.5;
const LETTER_COST = 3;
/** A capital after digits is a flat, room or grade (12A) more often than a word's start. */
const CAPITAL_LETTER_COST = 2;

function ordinalEnding(digits: string): string {
  const last = Number(digits.slice(-1));
  const tens = Number(digits.slice(-2, -1) || '0');
  if (tens === 1) return 'th';
  return last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th';
}

/**
 * The letter runs that may end the number (its first k letters) with their costs: ordinals (3rd),
 * decades (1980s), clock times (6:45am), units (10km) and a single letter (12A, 3b). k = 0, no suffix, costs 0.
 */
export function numberSuffixes(number: string, letters: string): Array<[length: number, cost: number]> {
  const lower = letters.toLowerCase();
  const out: Array<[number, number]> = [[0, 0]];
  const plain = /^\p{Nd}+$/u.test(number);
  if (plain) {
    const two = lower.slice(0, 2);
    if (two === 'st' || two === 'nd' || two === 'rd' || two === 'th') out.push([2, two === ordinalEnding(number) ? ORDINAL_COST : WRONG_ORDINAL_COST]);
    if (lower[0] === 's' && number.length >= 2) out.push([1, DECADE_COST]);
  }
  if (!startsWithCurrency(number) && /\p{Nd}$/u.test(number)) {
    const two = lower.slice(0, 2);
    if (two === 'am' || two === 'pm') out.push([2, CLOCK_COST]);
    for (const unit of UNITS) if (lower.startsWith(unit) && !out.some(([length]) => length === unit.length)) out.push([unit.length, UNIT_COST]);
    if (!out.some(([length]) => length === 1)) out.push([1, /\p{Lu}/u.test(letters[0]!) ? CAPITAL_LETTER_COST : LETTER_COST]);
  }
  return out.filter(([length]) => length <= letters.length);
}

// Emoji: a pictograph (from the arrows block on, so © ® ™ are punctuation) or a flag, with its
// variation selector, skin tone, keycap and zero-width-joined parts.
const EMOJI = /(?:(?![\u0000-\u218f])\p{Extended_Pictographic}|\p{Regional_Indicator})(?:[\u{fe0f}\u{20e3}\u{1f3fb}-\u{1f3ff}]|\u{200d}\p{Extended_Pictographic})*/uy;

/** End of the emoji starting at index, or -1. */
export function emojiEnd(chunk: string, index: number): number {
  EMOJI.lastIndex = index;
  return EMOJI.test(chunk) ? EMOJI.lastIndex : -1;
}

// Letters of any script but Latin, with their marks: copied as they are, and a word boundary where they meet Latin letters.
const OTHER_SCRIPT = /(?:(?!\p{Script=Latin})\p{L}\p{M}*)+/uy;

/** End of the run of other-script letters starting at index, or -1. */
export function otherScriptEnd(chunk: string, index: number): number {
  OTHER_SCRIPT.lastIndex = index;
  return OTHER_SCRIPT.test(chunk) ? OTHER_SCRIPT.lastIndex : -1;
}

// Letters and digits alternating in short groups (a1b2c3, 3f9a0b, 1st2nd): an identifier or a hash, copied whole.
const CODE_RUN = /(?=[\p{L}\p{N}]*\p{N}[\p{L}]{1,2}\p{N})[\p{L}\p{N}]+/uy;

/** End of the identifier-like letter and digit run starting at index, or -1. */
export function codeRunEnd(chunk: string, index: number): number {
  CODE_RUN.lastIndex = index;
  return CODE_RUN.test(chunk) ? CODE_RUN.lastIndex : -1;
}
