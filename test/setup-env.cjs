// Handler modules read configuration at import: give every test file an in-memory store and quiet logs.
process.env.DATABASE_URL ??= 'sqlite::memory:';
process.env.LOG_LEVEL ??= 'silent';
delete process.env.GOOGLE_TRANSLATE_API_KEY;
delete process.env.TRANSLATE_PROVIDER;
// The SDK talks only to loopback stand-ins in tests; it still wants credentials and a region.
process.env.AWS_ACCESS_KEY_ID ??= 'test';
process.env.AWS_SECRET_ACCESS_KEY ??= 'test';
process.env.AWS_REGION ??= 'us-east-1';
