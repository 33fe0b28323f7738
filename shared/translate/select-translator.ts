/**
 * Chooses the translation engine from the environment.
 *
 * - TRANSLATE_PROVIDER unset: the first engine whose configuration is present (today only Google,
 *   via GOOGLE_TRANSLATE_API_KEY); none present gives a Translator that answers 503.
 * - TRANSLATE_PROVIDER=google: Google; without its key, a Translator that answers 503.
 * - Any other TRANSLATE_PROVIDER: throws now, since it is a deployment mistake, not a request error.
 *
 * To add an engine, add an entry to PROVIDERS (auto-selection follows its order).
 */
import { AppError } from '../errors.ts';
import { createGoogleTranslator, GOOGLE_PROVIDER } from './google-translator.ts';
import type { Translator } from './translator.ts';

export interface TranslatorEnv {
  TRANSLATE_PROVIDER?: string;
  GOOGLE_TRANSLATE_API_KEY?: string;
}

const HOW_TO_CONFIGURE =
  'Set GOOGLE_TRANSLATE_API_KEY to a Google Cloud Translation API key (in the shell before npm start, or at deploy time) to use Google Translate.';

interface ProviderEntry {
  /** Whether the environment holds this engine's configuration. */
  configured(env: TranslatorEnv): boolean;
  /** Builds the engine, or an unavailable stand-in saying what is missing. */
  create(env: TranslatorEnv): Translator;
}

const PROVIDERS: Record<string, ProviderEntry> = {
  [GOOGLE_PROVIDER]: {
    configured: (env) => nonEmpty(env.GOOGLE_TRANSLATE_API_KEY) !== undefined,
    create: (env) => {
      const apiKey = nonEmpty(env.GOOGLE_TRANSLATE_API_KEY);
      return apiKey
        ? createGoogleTranslator({ apiKey })
        : unavailableTranslator(`TRANSLATE_PROVIDER is google but no Google API key is configured. ${HOW_TO_CONFIGURE}`);
    },
  },
};

export class TranslatorConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TranslatorConfigError';
  }
}

export function selectTranslator(env: TranslatorEnv): Translator {
  const requested = nonEmpty(env.TRANSLATE_PROVIDER)?.toLowerCase();
  if (requested !== undefined) {
    const entry = PROVIDERS[requested];
    if (!entry) {
      throw new TranslatorConfigError(
        `Unknown TRANSLATE_PROVIDER "${env.TRANSLATE_PROVIDER}"; use one of: ${Object.keys(PROVIDERS).join(', ')}, or leave it unset to pick the configured one.`,
      );
    }
    return entry.create(env);
  }
  const found = Object.values(PROVIDERS).find((entry) => entry.configured(env));
  return found ? found.create(env) : unavailableTranslator(`No translation engine is configured. ${HOW_TO_CONFIGURE}`);
}

/** Selection succeeds so the other routes keep working; only translating answers 503. */
export function unavailableTranslator(message: string): Translator {
  return {
    provider: 'none',
    translate: () => Promise.reject(new AppError('TRANSLATION_UNAVAILABLE', message)),
  };
}

const nonEmpty = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};
