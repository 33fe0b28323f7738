/**
 * Every statement the store runs, written once with `:name` parameters. MySQL (through mysql2 and
 * the Data API) and SQLite run the same DML; only the DDL differs per dialect.
 */
import type { Dialect } from './executor.ts';
import { PREVIEW_CHARS } from './record-size.ts';

export interface Migration {
  version: number;
  description: string;
  statements: Record<Dialect, string[]>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'records table with the indexes the home page filters use',
    statements: {
      mysql: [
        `CREATE TABLE IF NOT EXISTS records (
          seq BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
          tag VARCHAR(64) COLLATE utf8mb4_bin NULL,
          operation VARCHAR(16) NOT NULL,
          input_text MEDIUMTEXT NOT NULL,
          output_text MEDIUMTEXT NOT NULL,
          source_language VARCHAR(8) NULL,
          created_at DATETIME(3) NOT NULL,
          KEY records_tag_seq (tag, seq),
          KEY records_operation_seq (operation, seq)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      ],
      sqlite: [
        `CREATE TABLE IF NOT EXISTS records (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          tag TEXT NULL,
          operation TEXT NOT NULL,
          input_text TEXT NOT NULL,
          output_text TEXT NOT NULL,
          source_language TEXT NULL,
          created_at TEXT NOT NULL
        )`,
        'CREATE INDEX IF NOT EXISTS records_tag_seq ON records (tag, seq)',
        'CREATE INDEX IF NOT EXISTS records_operation_seq ON records (operation, seq)',
      ],
    },
  },
  {
    version: 2,
    description: 'translation cache keyed by provider, source, target and text hash',
    statements: {
      // Key columns are ASCII with a binary collation: codes and hex hashes compare exactly and the key stays small.
      mysql: [
        `CREATE TABLE IF NOT EXISTS translation_cache (
          provider VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          source_key VARCHAR(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          target_language VARCHAR(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          text_sha256 CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          output_text MEDIUMTEXT NOT NULL,
          source_language VARCHAR(8) NULL,
          created_at DATETIME(3) NOT NULL,
          PRIMARY KEY (provider, source_key, target_language, text_sha256)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      ],
      sqlite: [
        `CREATE TABLE IF NOT EXISTS translation_cache (
          provider TEXT NOT NULL,
          source_key TEXT NOT NULL,
          target_language TEXT NOT NULL,
          text_sha256 TEXT NOT NULL,
          output_text TEXT NOT NULL,
          source_language TEXT NULL,
          created_at TEXT NOT NULL,
          PRIMARY KEY (provider, source_key, target_language, text_sha256)
        ) WITHOUT ROWID`,
      ],
    },
  },
  {
    version: 3,
    description: "records keep their operation's details (corrections, provider…) as JSON text",
    statements: {
      // Text holding JSON rather than MySQL's JSON type: it reads back byte for byte on all three backends.
      mysql: ['ALTER TABLE records ADD COLUMN details MEDIUMTEXT NULL'],
      sqlite: ['ALTER TABLE records ADD COLUMN details TEXT NULL'],
    },
  },
  {
    version: 4,
    description: 'cached translations keep the number of words the engine could not translate',
    statements: {
      mysql: ['ALTER TABLE translation_cache ADD COLUMN unknown_words INT NULL'],
      sqlite: ['ALTER TABLE translation_cache ADD COLUMN unknown_words INTEGER NULL'],
    },
  },
  {
    version: 5,
    description: "records keep their details in a few words, so the list need not read the details",
    statements: {
      mysql: ['ALTER TABLE records ADD COLUMN summary VARCHAR(255) NULL'],
      sqlite: ['ALTER TABLE records ADD COLUMN summary TEXT NULL'],
    },
  },
];

export const CREATE_MIGRATIONS_TABLE: Record<Dialect, string> = {
  mysql: `CREATE TABLE IF NOT EXISTS schema_migrations (
    version INT NOT NULL PRIMARY KEY,
    applied_at DATETIME(3) NOT NULL
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`,
  sqlite: `CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER NOT NULL PRIMARY KEY,
    applied_at TEXT NOT NULL
  )`,
};

export const SELECT_APPLIED_VERSIONS = 'SELECT version FROM schema_migrations ORDER BY version';
export const INSERT_APPLIED_VERSION = 'INSERT INTO schema_migrations (version, applied_at) VALUES (:version, :appliedAt)';

export const INSERT_RECORD = `INSERT INTO records (tag, operation, input_text, output_text, source_language, created_at, details, summary)
  VALUES (:tag, :operation, :input, :output, :sourceLanguage, :createdAt, :details, :summary)`;

export const SELECT_RECORD = 'SELECT seq, tag, operation, input_text, output_text, source_language, created_at, details, summary FROM records WHERE seq = :seq';

/**
 * The list's columns: the texts' first PREVIEW_CHARS + 1 characters, the one beyond telling that
 * a text goes on. SUBSTR counts characters (code points) on MySQL, MariaDB (utf8mb4) and SQLite
 * alike, so the same SQL never splits a character's bytes or a surrogate pair.
 */
const ENTRY_COLUMNS = `seq, tag, operation, SUBSTR(input_text, 1, ${PREVIEW_CHARS + 1}) AS input_start, SUBSTR(output_text, 1, ${PREVIEW_CHARS + 1}) AS output_start, source_language, created_at, summary`;

/**
 * Keyset page, newest first: `seq < :beforeSeq` instead of OFFSET so that deep pages cost
 * the same as the first. Only the conditions in use are added, so each filter can use its index.
 * `limit` is a validated integer, inlined because LIMIT placeholders are not portable.
 */
export function selectRecordsPage(filter: { tag: boolean; operation: boolean; beforeSeq: boolean }, limit: number): string {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`bad limit ${limit}`);
  const conditions = [
    filter.tag && 'tag = :tag',
    filter.operation && 'operation = :operation',
    filter.beforeSeq && 'seq < :beforeSeq',
  ].filter(Boolean);
  const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  return `SELECT ${ENTRY_COLUMNS} FROM records${where} ORDER BY seq DESC LIMIT ${limit}`;
}

const CACHE_KEY_MATCH = 'provider = :provider AND source_key = :sourceKey AND target_language = :target AND text_sha256 = :textHash';

export const SELECT_CACHED_TRANSLATION = `SELECT output_text, source_language, unknown_words FROM translation_cache WHERE ${CACHE_KEY_MATCH}`;

const INSERT_CACHED_TRANSLATION = `INSERT INTO translation_cache (provider, source_key, target_language, text_sha256, output_text, source_language, unknown_words, created_at)
  VALUES (:provider, :sourceKey, :target, :textHash, :output, :sourceLanguage, :unknownWords, :createdAt)`;

/** An upsert, so two containers caching the same translation at once both succeed. */
export const UPSERT_CACHED_TRANSLATION: Record<Dialect, string> = {
  // VALUES() is deprecated in MySQL 8.0.20+ but still works there, and it is the only form MariaDB knows.
  mysql: `${INSERT_CACHED_TRANSLATION}
  ON DUPLICATE KEY UPDATE output_text = VALUES(output_text), source_language = VALUES(source_language), unknown_words = VALUES(unknown_words), created_at = VALUES(created_at)`,
  sqlite: `${INSERT_CACHED_TRANSLATION}
  ON CONFLICT (provider, source_key, target_language, text_sha256)
  DO UPDATE SET output_text = excluded.output_text, source_language = excluded.source_language, unknown_words = excluded.unknown_words, created_at = excluded.created_at`,
};
