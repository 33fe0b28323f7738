/**
 * Where the words a spelling checker may look at lie in a text: runs of letters, marks and digits
 * joined by single inner hyphens, dots or apostrophes, in the whitespace-separated chunks that are
 * not URLs, e-mail addresses, mentions, hashtags, paths or snake_case. In regular expressions
 * (text-tokens.test.ts holds them as the reference): chunks \S+, left out when they match
 * [@#/\\_]|www\. (any case), and in each the tokens [\p{L}\p{M}\p{N}]+(?:[-.'’][\p{L}\p{M}\p{N}]+)*,
 * all with the u flag.
 * One scan of the character codes finds them: the expressions' match objects, one per chunk and
 * per token, cost more than everything else a correctly spelled word needs.
 */

/** The tokens as [start, end) pairs of UTF-16 offsets, flat and in order: [start₀, end₀, start₁, end₁, …]. */
export function textTokens(text: string): number[] {
  const tokens: number[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    while (i < length && isSpace(text.charCodeAt(i))) i++;
    const chunkStart = i;
    while (i < length && !isSpace(text.charCodeAt(i))) i++;
    if (chunkStart < i && !isProtected(text, chunkStart, i)) chunkTokens(text, chunkStart, i, tokens);
  }
  return tokens;
}

/** What \s matches. */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const [AT, HASH, SLASH, BACKSLASH, UNDERSCORE, DOT, W] = [...'@#/\\_.w'].map((c) => c.charCodeAt(0));

/** Whether text[from, to) has @ # / \ _ or www. (any case). */
function isProtected(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === AT || c === HASH || c === SLASH || c === BACKSLASH || c === UNDERSCORE) return true;
    // c | 32 is w for W and w only.
    if ((c | 32) === W && i + 3 < to && (text.charCodeAt(i + 1) | 32) === W && (text.charCodeAt(i + 2) | 32) === W && text.charCodeAt(i + 3) === DOT) return true;
  }
  return false;
}

function isJoiner(c: number): boolean {
  return c === 45 || c === 46 || c === 39 || c === 0x2019;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/uy;

/** How many code units the letter, mark or digit at text[i] takes (2 for a surrogate pair); 0 for any other character. */
function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  WORD_CHAR.lastIndex = i;
  return WORD_CHAR.test(text) ? WORD_CHAR.lastIndex - i : 0;
}

/** Appends the tokens of the chunk text[from, to), leftmost and longest first, as the expression finds them. */
function chunkTokens(text: string, from: number, to: number, tokens: number[]): void {
  let i = from;
  while (i < to) {
    let step = wordCharLength(text, i);
    if (step === 0) {
      // Past the whole code point: a pair's second half on its own is no letter either way.
      i += isPair(text, i, to) ? 2 : 1;
      continue;
    }
    const start = i;
    while (i < to && step > 0) {
      i += step;
      step = i < to ? wordCharLength(text, i) : 0;
      // A joiner continues the token only when a letter, mark or digit follows it.
      if (step === 0 && i + 1 < to && isJoiner(text.charCodeAt(i))) {
        const after = wordCharLength(text, i + 1);
        if (after > 0) {
          i++;
          step = after;
        }
      }
    }
    tokens.push(start, i);
  }
}

function isPair(text: string, i: number, to: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= to) return false;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

// Characters that glue a token to code when they touch it with no space: before it, a file
// extension's dot (.pyc, *.dbf), an option's dash (--lzop, -Ireplace), a character class or
// template ([:alnum:], {name}, $HOME, key=value); after it, an assignment (--file=FILE) or a
// call or manual reference (lzop(1), main()).
const CODE_BEFORE = new Set([...'.-[{<=:$%~`|^'].map((c) => c.charCodeAt(0)));
const CODE_AFTER = new Set([...'=[{<`|^'].map((c) => c.charCodeAt(0)));
const [OPEN, CLOSE, DASH] = [...'()-'].map((c) => c.charCodeAt(0));

/** Whether the token text[start, end) touches code punctuation, so it is an identifier rather than a word (see CODE_BEFORE). */
export function isCodeGlued(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : -1;
  const after = end < text.length ? text.charCodeAt(end) : -1;
  // An ellipsis's last dot is no extension's, and dashes on both sides (--teh--) are punctuation.
  if (CODE_BEFORE.has(before) && !(before === DOT && text.charCodeAt(start - 2) === DOT) && !(before === DASH && after === DASH)) return true;
  if (CODE_AFTER.has(after)) return true;
  const inside = text.charCodeAt(end + 1);
  return after === OPEN && (inside === CLOSE || (inside >= 48 && inside <= 57));
}
