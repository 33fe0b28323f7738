/** English names of languages, one Intl.DisplayNames for the whole process. */
const NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

/** "French" for "fr"; the code itself when Intl has no name for it or it is not a language tag. */
export function languageName(code: string): string {
  try {
    return NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}
