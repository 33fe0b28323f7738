/** Letter case for the segmenter, fast on ASCII, and the lower-case lookup form that keeps every index. */

export const MARK = /\p{M}/u;
export const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

export function isUpper(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER.test(text[index]!);
}

export function isLower(text: string, index: number): boolean {
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
