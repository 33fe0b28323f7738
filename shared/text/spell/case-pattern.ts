/** A misspelling's case pattern and apostrophe style, given back to its suggestions (TEH → THE, wo’nt → won’t). */

const LETTER = /\p{L}/u;

/** The form a word is looked up by: lower case, with a straight apostrophe. */
export const fold = (word: string): string => word.toLowerCase().replace(/’/g, "'");

// Case patterns of an original word (see casePattern()); CURLY may be added to any.
const AS_IS = 0;
const UPPER = 1;
const CAPITALISED = 2;
const CURLY = 4;

/** The original's case pattern and apostrophe style, worked out once for all its suggestions. */
export function casePattern(original: string): number {
  const curly = original.includes('’') && !original.includes("'") ? CURLY : 0;
  let first: string | undefined;
  let letters = 0;
  for (const char of original) {
    if (!LETTER.test(char)) continue;
    first ??= char;
    letters++;
  }
  if (letters > 1 && original === original.toUpperCase()) return UPPER | curly;
  if (first !== undefined && first !== first.toLowerCase()) return CAPITALISED | curly;
  return AS_IS | curly;
}

/** Gives the suggestion the original's case pattern (TEH → THE, Teh → The) and apostrophe style. */
export function restoreCase(pattern: number, suggestion: string): string {
  const result = pattern & CURLY ? suggestion.replace(/'/g, '’') : suggestion;
  if ((pattern & ~CURLY) === UPPER) return result.toUpperCase();
  if ((pattern & ~CURLY) === CAPITALISED) return result.charAt(0).toUpperCase() + result.slice(1);
  // A lower-case original keeps the dictionary's casing, so a proper noun stays capitalised.
  return result;
}
