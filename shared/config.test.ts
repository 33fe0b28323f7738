import { describe, expect, it } from '@jest/globals';
import { resolve } from 'node:path';
import { databaseUserSecretsFrom, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite store under the working directory', () => {
    expect(loadConfig({})).toEqual({ store: { kind: 'sqlite', path: resolve('.data/records.db') }, maxTextChars: 10_000, corsAllowedOrigins: [] });
  });

  it('reads MySQL URLs and the Data API variables, which win', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://u:p@db:3306/x' }).store).toEqual({ kind: 'mysql', url: 'mysql://u:p@db:3306/x' });
    const store = loadConfig({ DATABASE_URL: 'mysql://u@h/x', DB_CLUSTER_ARN: 'arn:c', DB_SECRET_ARN: 'arn:s', DB_NAME: 'd' }).store;
    expect(store).toEqual({ kind: 'data-api', clusterArn: 'arn:c', secretArn: 'arn:s', database: 'd', endpoint: undefined });
  });

  it('reads the CORS origins as a comma-separated list', () => {
    expect(loadConfig({ CORS_ALLOWED_ORIGINS: ' https://app.example.com, http://localhost:5173 ,' }).corsAllowedOrigins).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
  });

  it.each([
    [{ CORS_ALLOWED_ORIGINS: '*' }, /CORS_ALLOWED_ORIGINS must list origins/],
    [{ CORS_ALLOWED_ORIGINS: 'https://app.example.com/' }, /CORS_ALLOWED_ORIGINS must list origins/],
    [{ CORS_ALLOWED_ORIGINS: 'app.example.com' }, /CORS_ALLOWED_ORIGINS must list origins/],
    [{ CORS_ALLOWED_ORIGINS: 'ftp://files.example.com' }, /CORS_ALLOWED_ORIGINS must list origins/],
    [{ DATABASE_URL: 'postgres://x' }, /DATABASE_URL must start with sqlite: or mysql:/],
    [{ DATABASE_URL: 'sqlite:' }, /needs a path/],
    [{ DB_CLUSTER_ARN: 'arn:c' }, /DB_CLUSTER_ARN, DB_SECRET_ARN and DB_NAME together/],
    [{ MAX_TEXT_CHARS: '0' }, /MAX_TEXT_CHARS must be a positive integer/],
    [{ MAX_TEXT_CHARS: 'lots' }, /MAX_TEXT_CHARS must be a positive integer/],
  ])('rejects %j clearly', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('databaseUserSecretsFrom', () => {
  it('reads the JSON map of user to secret, and nothing when unset', () => {
    expect(databaseUserSecretsFrom({})).toEqual({});
    expect(databaseUserSecretsFrom({ DB_USER_SECRET_ARNS: '{"home":"arn:h","spell":"arn:s"}' })).toEqual({ home: 'arn:h', spell: 'arn:s' });
  });

  it.each(['not json', '["arn:h"]', '{"home":""}', '{"home":1}'])('rejects %j clearly', (raw) => {
    expect(() => databaseUserSecretsFrom({ DB_USER_SECRET_ARNS: raw })).toThrow(/DB_USER_SECRET_ARNS must be a JSON object/);
  });
});
