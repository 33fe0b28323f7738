/** The checks request fields share, for the common fields and each operation's own. */
import { AppError } from '../errors.ts';

export const invalid = (message: string) => new AppError('VALIDATION_FAILED', message);
export const codePoints = (s: string) => [...s].length;
// Letters, marks, numbers, punctuation, symbols, spaces and the joiners ZWNJ and ZWJ (emoji such as
// 👩‍💻); no controls, other format characters, line breaks or unassigned code points.
// docs/openapi.yaml's Tag pattern is PRINTABLE and not BLANK (test/contract checks they agree).
export const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\u200C\u200D]+$/u;
export const BLANK = /^[\p{Zs}\u200C\u200D]+$/u;
export const LONE_SURROGATE = /\p{Cs}/u;

/** Absent, null and '' all mean "not given" (an HTML form sends '' for an empty box). */
export const isAbsent = (value: unknown): value is undefined | null | '' => value === undefined || value === null || value === '';
