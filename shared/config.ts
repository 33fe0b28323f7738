/**
 * Environment read and validated once per cold start: a bad setting fails the first request
 * with a clear log line instead of half-working.
 */
import { resolve } from 'node:path';

export type StoreConfig =
  | { kind: 'data-api'; clusterArn: string; secretArn: string; database: string; endpoint?: string }
  | { kind: 'mysql'; url: string }
  | { kind: 'sqlite'; path: string };

export interface Config {
  store: StoreConfig;
  /** Longest `text` accepted, in characters after trimming. */
  maxTextChars: number;
  /** Origins (scheme://host[:port]) whose browser pages may call the API; none by default. */
  corsAllowedOrigins: string[];
  /** Where Secrets Manager is called (a local stand-in); AWS's own endpoint when unset. */
  secretsManagerEndpoint?: string;
}

type Env = Record<string, string | undefined>;

export const DEFAULT_DATABASE_URL = 'sqlite:.data/records.db';

const positiveInt = (env: Env, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
};

export function storeConfigFrom(env: Env): StoreConfig {
  const { DB_CLUSTER_ARN, DB_SECRET_ARN, DB_NAME } = env;
  if (DB_CLUSTER_ARN || DB_SECRET_ARN) {
    if (!DB_CLUSTER_ARN || !DB_SECRET_ARN || !DB_NAME) {
      throw new Error('the Data API needs DB_CLUSTER_ARN, DB_SECRET_ARN and DB_NAME together');
    }
    return {
      kind: 'data-api',
      clusterArn: DB_CLUSTER_ARN,
      secretArn: DB_SECRET_ARN,
      database: DB_NAME,
      endpoint: env.DATA_API_ENDPOINT || undefined,
    };
  }
  const url = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (!path) throw new Error('DATABASE_URL=sqlite:<path> needs a path');
    return { kind: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  if (url.startsWith('mysql://')) return { kind: 'mysql', url };
  throw new Error(`DATABASE_URL must start with sqlite: or mysql://, got "${url.split(':')[0]}:…"`);
}

/** Comma-separated origins, each exactly as a browser sends it in `Origin` (no path, no trailing slash). */
function origins(env: Env, name: string): string[] {
  const list = (env[name] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const origin of list) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {}
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      throw new Error(`${name} must list origins such as https://app.example.com, got "${origin}"`);
    }
  }
  return list;
}

export function loadConfig(env: Env = process.env): Config {
  return {
    store: storeConfigFrom(env),
    maxTextChars: positiveInt(env, 'MAX_TEXT_CHARS', 10_000),
    corsAllowedOrigins: origins(env, 'CORS_ALLOWED_ORIGINS'),
    secretsManagerEndpoint: env.SECRETS_MANAGER_ENDPOINT || undefined,
  };
}

/**
 * The translate function's settings (shared/translate/select-translator.ts picks the engine from
 * them); read by that function only, so a translation setting never stops the other routes.
 */
export interface TranslatorSettings {
  /** TRANSLATE_PROVIDER as written (trimmed); unset picks the first configured engine. */
  provider?: string;
  googleApiKey?: string;
  /** A Secrets Manager secret holding the Google API key (AWS). */
  googleSecretArn?: string;
  secretsManagerEndpoint?: string;
  /** An Apertium APy server. */
  apertiumUrl?: string;
  /** Where the apertium script finds its mode files; its own default when unset. */
  apertiumDataDir?: string;
  /** TRANSLATE_TIMEOUT_MS: one engine call's limit; the engine's default when unset. */
  timeoutMs?: number;
  /** Where the apertium command is looked for. */
  path?: string;
}

const nonEmpty = (value: string | undefined): string | undefined => value?.trim() || undefined;

export function translatorSettingsFrom(env: Env): TranslatorSettings {
  const rawTimeout = env.TRANSLATE_TIMEOUT_MS;
  let timeoutMs: number | undefined;
  if (nonEmpty(rawTimeout) !== undefined) {
    timeoutMs = Number(rawTimeout);
    if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) throw new Error(`TRANSLATE_TIMEOUT_MS must be a positive whole number of milliseconds, got "${rawTimeout}"`);
  }
  return {
    provider: nonEmpty(env.TRANSLATE_PROVIDER),
    googleApiKey: nonEmpty(env.GOOGLE_TRANSLATE_API_KEY),
    googleSecretArn: nonEmpty(env.GOOGLE_TRANSLATE_SECRET_ARN),
    secretsManagerEndpoint: nonEmpty(env.SECRETS_MANAGER_ENDPOINT),
    apertiumUrl: nonEmpty(env.APERTIUM_URL),
    apertiumDataDir: nonEmpty(env.APERTIUM_DATADIR),
    timeoutMs,
    path: env.PATH,
  };
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** LOG_LEVEL, `info` when unset or unknown. */
export const logLevelFrom = (env: Env): LogLevel => LOG_LEVELS.find((level) => level === env.LOG_LEVEL) ?? 'info';

/**
 * Read apart from loadConfig, at import: logging must work (and report) when the rest of the
 * configuration is wrong.
 */
export const LOG_LEVEL = logLevelFrom(process.env);

/**
 * The database users `migrate` creates: DB_USER_SECRET_ARNS is a JSON object from a user's name in
 * shared/db/users.ts to the Secrets Manager secret holding its username and password (set by the
 * stack for the migrate function only). Unset: no users are managed (local stores).
 */
export function databaseUserSecretsFrom(env: Env): Record<string, string> {
  const raw = env.DB_USER_SECRET_ARNS;
  if (raw === undefined || raw === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  return userSecretArnsOf(parsed, 'DB_USER_SECRET_ARNS');
}

/** `value` as a map of database user to secret ARN; `what` names it in the error otherwise. */
export function userSecretArnsOf(value: unknown, what: string): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.values(value).every((v) => typeof v === 'string' && v !== '')) {
    throw new Error(`${what} must be a JSON object of user name to secret ARN`);
  }
  return value as Record<string, string>;
}
