/**
 * Chooses the translation engine from the settings (config.ts reads them from the environment)
 * and wraps it in the translation service.
 *
 * - TRANSLATE_PROVIDER unset: the first engine in PROVIDERS whose configuration is present: Google
 *   when a key or a key secret is set, else Apertium when APERTIUM_URL is set or the apertium
 *   command is installed; none gives a Translator that answers 503 saying how to set one up.
 * - TRANSLATE_PROVIDER=google|apertium: that engine; when its configuration is missing, a
 *   Translator that answers 503 naming what is missing.
 * - Any other TRANSLATE_PROVIDER: throws now, since it is a deployment mistake, not a request error.
 */
import type { TranslatorSettings } from '../config.ts';
import { AppError } from '../errors.ts';
import { createFluencyScorer, type FluencyScorer } from '../text/english-fluency.ts';
import { englishWords } from '../text/english-words.ts';
import { APERTIUM_PROVIDER, createApertiumApyEngine, createApertiumCliEngine, findApertiumCommand } from './apertium/index.ts';
import { createGoogleEngine, GOOGLE_PROVIDER } from './google-translator.ts';
import { createEldDetector, type LanguageDetector } from './language-detector.ts';
import { secretApiKey } from './secret-api-key.ts';
import { createTranslationService } from './translation-service.ts';
import { DEFAULT_TIMEOUT_MS, NO_PROVIDER, type TranslationCache, type TranslationEngine, type Translator } from './translator.ts';

export interface TranslatorDeps {
  cache?: TranslationCache;
  detector?: LanguageDetector;
  fluency?: FluencyScorer;
}

const HOW_TO_CONFIGURE =
  'To use Google Cloud Translation set GOOGLE_TRANSLATE_API_KEY to an API key (or, in AWS, GOOGLE_TRANSLATE_SECRET_ARN to a secret holding it); ' +
  'to use Apertium offline install it (apt-get install apertium apertium-eng-spa, plus other pairs) or set APERTIUM_URL to an APy server.';

// Lambda bundles (built with LOCAL_BACKENDS=false) run where no Debian package is installed: there
// Apertium is reachable only through APERTIUM_URL, and the command line is never looked for.
// Not a setting of config.ts: esbuild replaces process.env.LOCAL_BACKENDS here, at build time.
const COMMAND_LINE_AVAILABLE = process.env.LOCAL_BACKENDS !== 'false';

type EngineOrMissing = TranslationEngine | { missing: string };

interface ProviderEntry {
  /** Whether the settings hold this engine's configuration. */
  configured(settings: TranslatorSettings): boolean;
  /** Builds the engine, or says what is missing. */
  create(settings: TranslatorSettings, timeoutMs: number): EngineOrMissing;
}

const PROVIDERS: Record<string, ProviderEntry> = {
  [GOOGLE_PROVIDER]: {
    configured: ({ googleApiKey, googleSecretArn }) => googleApiKey !== undefined || googleSecretArn !== undefined,
    create: ({ googleApiKey, googleSecretArn, secretsManagerEndpoint }, timeoutMs) => {
      if (googleApiKey) return createGoogleEngine({ apiKey: googleApiKey, timeoutMs });
      if (googleSecretArn) {
        const apiKey = secretApiKey({ secretArn: googleSecretArn, endpoint: secretsManagerEndpoint, purpose: 'the Google Translate API key' });
        return createGoogleEngine({ apiKey, timeoutMs });
      }
      return { missing: 'TRANSLATE_PROVIDER is google but no Google API key is configured.' };
    },
  },
  [APERTIUM_PROVIDER]: {
    configured: (settings) => settings.apertiumUrl !== undefined || apertiumCommand(settings) !== undefined,
    create: (settings, timeoutMs) => {
      if (settings.apertiumUrl) return createApertiumApyEngine({ url: settings.apertiumUrl, timeoutMs });
      const command = apertiumCommand(settings);
      if (command) return createApertiumCliEngine({ command, timeoutMs, dataDir: settings.apertiumDataDir });
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

export function selectTranslator(settings: TranslatorSettings, { cache, detector = createEldDetector(), fluency = createFluencyScorer(englishWords) }: TranslatorDeps = {}): Translator {
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const requested = settings.provider?.toLowerCase();
  let entry: ProviderEntry | undefined;
  if (requested !== undefined) {
    entry = PROVIDERS[requested];
    if (!entry) {
      throw new TranslatorConfigError(
        `Unknown TRANSLATE_PROVIDER "${settings.provider}"; use one of: ${Object.keys(PROVIDERS).join(', ')}, or leave it unset to pick the configured one.`,
      );
    }
  } else {
    entry = Object.values(PROVIDERS).find((candidate) => candidate.configured(settings));
    if (!entry) return unavailableTranslator(`No translation engine is configured. ${HOW_TO_CONFIGURE}`);
  }
  const engine = entry.create(settings, timeoutMs);
  if ('missing' in engine) return unavailableTranslator(`${engine.missing} ${HOW_TO_CONFIGURE}`);
  return createTranslationService({ engine, detector, cache, fluency });
}

/** Selection succeeds so the other routes keep working; only translating answers 503. */
export function unavailableTranslator(message: string): Translator {
  return {
    provider: NO_PROVIDER,
    unavailable: message,
    translate: () => Promise.reject(new AppError('TRANSLATION_UNAVAILABLE', message)),
    languages: async () => [],
  };
}

const apertiumCommand = ({ path }: TranslatorSettings) => (COMMAND_LINE_AVAILABLE ? findApertiumCommand(path) : undefined);
