// Handler modules read configuration at import: give every test file an in-memory store and quiet logs.
process.env.DATABASE_URL ??= 'sqlite::memory:';
process.env.LOG_LEVEL ??= 'silent';
delete process.env.GOOGLE_TRANSLATE_API_KEY;
delete process.env.TRANSLATE_PROVIDER;
