/** The checks request fields share, for the common fields and each operation's own. */
import { AppError } from '../errors.ts';

export const invalid = (message: string) => new AppError('VALIDATION_FAILED', message);
export const codePoints = (s: string) => [...s].length;
// Letters, marks, numbers, punctuation, symbols and spaces; no control, format or unassigned characters.
export const PRINTABLE = /^[^\p{C}]+$/u;
export const LONE_SURROGATE = /\p{Cs}/u;

/** Absent, null and '' all mean "not given" (an HTML form sends '' for an empty box). */
export const isAbsent = (value: unknown): value is undefined | null | '' => value === undefined || value === null || value === '';
