/** The port every translation engine implements; the translate Lambda depends only on this. */

export interface TranslationRequest {
  text: string;
  /** ISO 639-1 code of the input; undefined = let the engine detect it. */
  source?: string;
}

export interface Translation {
  /** The English text. */
  text: string;
  /** ISO 639-1 code, as given or as detected; null when the engine reports none. */
  sourceLanguage: string | null;
  /** Which engine translated, e.g. 'google'. */
  provider: string;
}

export interface Translator {
  readonly provider: string;
  /** Translates into English. Fails only with AppError (UNSUPPORTED_LANGUAGE, UPSTREAM_*, TRANSLATION_UNAVAILABLE). */
  translate(request: TranslationRequest): Promise<Translation>;
}
