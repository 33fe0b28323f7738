/**
 * Letters as small numbers, as the segmenter's letter model and the spelling index's packed words
 * both count them: a–z 1–26 and the apostrophe 27, so no letter is 0.
 */

export const APOSTROPHE_CODE = 27;

/** The code of a lower-case letter a–z or the apostrophe, from its character code; -1 for any other character. */
export function letterCode(charCode: number): number {
  if (charCode >= 97 && charCode <= 122) return charCode - 96;
  return charCode === 39 /* ' */ ? APOSTROPHE_CODE : -1;
}
