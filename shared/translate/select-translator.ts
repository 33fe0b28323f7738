/**
 * Chooses the translation engine from the environment and wraps it in the translation service.
 *
 * - TRANSLATE_PROVIDER unset: the first engine in PROVIDERS whose configuration is present: Google
 *   when a key or a key secret is set, else Apertium when APERTIUM_URL is set or the apertium
 *   command is installed; none gives a Translator that answers 503 saying how to set one up.
 * - TRANSLATE_PROVIDER=google|apertium: that engine; when its configuration is missing, a
 *   Translator that answers 503 naming what is missing.
 * - Any other TRANSLATE_PROVIDER: throws now, since it is a deployment mistake, not a request error.
 */
import { AppError } from '../errors.ts';
import { APERTIUM_PROVIDER, createApertiumApyEngine, createApertiumCliEngine, findApertiumCommand } from './apertium-translator.ts';
import { createGoogleEngine, GOOGLE_PROVIDER } from './google-translator.ts';
import { createEldDetector, type LanguageDetector } from './language-detector.ts';
import { secretApiKey } from './secret-api-key.ts';
import { createTranslationService } from './translation-service.ts';
import { DEFAULT_TIMEOUT_MS, NO_PROVIDER, type TranslationCache, type TranslationEngine, type Translator } from './translator.ts';

export interface TranslatorEnv {
  TRANSLATE_PROVIDER?: string;
  GOOGLE_TRANSLATE_API_KEY?: string;
  GOOGLE_TRANSLATE_SECRET_ARN?: string;
  SECRETS_MANAGER_ENDPOINT?: string;
  APERTIUM_URL?: string;
  /** Where the apertium script finds its mode files; its own default when unset. */
  APERTIUM_DATADIR?: string;
  TRANSLATE_TIMEOUT_MS?: string;
  /** Where the apertium command is looked for. */
  PATH?: string;
}

export interface TranslatorDeps {
  cache?: TranslationCache;
  detector?: LanguageDetector;
}

const HOW_TO_CONFIGURE =
  'To use Google Cloud Translation set GOOGLE_TRANSLATE_API_KEY to an API key (or, in AWS, GOOGLE_TRANSLATE_SECRET_ARN to a secret holding it); ' +
  'to use Apertium offline install it (apt-get install apertium apertium-eng-spa, plus other pairs) or set APERTIUM_URL to an APy server.';

// Lambda bundles (built with LOCAL_BACKENDS=false) run where no Debian package is installed: there
// Apertium is reachable only through APERTIUM_URL, and the command line is never looked for.
const COMMAND_LINE_AVAILABLE = process.env.LOCAL_BACKENDS !== 'false';

type EngineOrMissing = TranslationEngine | { missing: string };

interface ProviderEntry {
  /** Whether the environment holds this engine's configuration. */
  configured(env: TranslatorEnv): boolean;
  /** Builds the engine, or says what is missing. */
  create(env: TranslatorEnv, timeoutMs: number): EngineOrMissing;
}

const PROVIDERS: Record<string, ProviderEntry> = {
  [GOOGLE_PROVIDER]: {
    configured: (env) => nonEmpty(env.GOOGLE_TRANSLATE_API_KEY) !== undefined || nonEmpty(env.GOOGLE_TRANSLATE_SECRET_ARN) !== undefined,
    create: (env, timeoutMs) => {
      const apiKey = nonEmpty(env.GOOGLE_TRANSLATE_API_KEY);
      if (apiKey) return createGoogleEngine({ apiKey, timeoutMs });
      const secretArn = nonEmpty(env.GOOGLE_TRANSLATE_SECRET_ARN);
      if (secretArn) {
        const endpoint = nonEmpty(env.SECRETS_MANAGER_ENDPOINT);
        return createGoogleEngine({ apiKey: secretApiKey({ secretArn, endpoint, purpose: 'the Google Translate API key' }), timeoutMs });
      }
      return { missing: 'TRANSLATE_PROVIDER is google but no Google API key is configured.' };
    },
  },
  [APERTIUM_PROVIDER]: {
    configured: (env) => nonEmpty(env.APERTIUM_URL) !== undefined || apertiumCommand(env) !== undefined,
    create: (env, timeoutMs) => {
      const url = nonEmpty(env.APERTIUM_URL);
      if (url) return createApertiumApyEngine({ url, timeoutMs });
      const command = apertiumCommand(env);
      if (command) return createApertiumCliEngine({ command, timeoutMs, dataDir: nonEmpty(env.APERTIUM_DATADIR) });
      return { missing: 'TRANSLATE_PROVIDER is apertium but APERTIUM_URL is not set and the apertium command is not installed here.' };
    },
  },
};

export class TranslatorConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TranslatorConfigError';
  }
}

export function selectTranslator(env: TranslatorEnv, { cache, detector = createEldDetector() }: TranslatorDeps = {}): Translator {
  const timeoutMs = positiveInt(env.TRANSLATE_TIMEOUT_MS, 'TRANSLATE_TIMEOUT_MS') ?? DEFAULT_TIMEOUT_MS;
  const requested = nonEmpty(env.TRANSLATE_PROVIDER)?.toLowerCase();
  let entry: ProviderEntry | undefined;
  if (requested !== undefined) {
    entry = PROVIDERS[requested];
    if (!entry) {
      throw new TranslatorConfigError(
        `Unknown TRANSLATE_PROVIDER "${env.TRANSLATE_PROVIDER}"; use one of: ${Object.keys(PROVIDERS).join(', ')}, or leave it unset to pick the configured one.`,
      );
    }
  } else {
    entry = Object.values(PROVIDERS).find((candidate) => candidate.configured(env));
    if (!entry) return unavailableTranslator(`No translation engine is configured. ${HOW_TO_CONFIGURE}`);
  }
  const engine = entry.create(env, timeoutMs);
  if ('missing' in engine) return unavailableTranslator(`${engine.missing} ${HOW_TO_CONFIGURE}`);
  return createTranslationService({ engine, detector, cache });
}

/** Selection succeeds so the other routes keep working; only translating answers 503. */
export function unavailableTranslator(message: string): Translator {
  return {
    provider: NO_PROVIDER,
    translate: () => Promise.reject(new AppError('TRANSLATION_UNAVAILABLE', message)),
    languages: async () => [],
  };
}

const apertiumCommand = (env: TranslatorEnv) => (COMMAND_LINE_AVAILABLE ? findApertiumCommand(env.PATH) : undefined);

const nonEmpty = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

function positiveInt(raw: string | undefined, name: string): number | undefined {
  if (nonEmpty(raw) === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new TranslatorConfigError(`${name} must be a positive whole number of milliseconds, got "${raw}"`);
  return value;
}
