/** Native ESM jest (NODE_OPTIONS=--experimental-vm-modules); swc strips types. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json', 'aff', 'dic', 'txt', 'yaml'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
    '\\.(aff|dic|txt)$': '<rootDir>/test/text-transform.cjs',
    '\\.yaml$': '<rootDir>/test/yaml-transform.cjs',
  },
  transformIgnorePatterns: ['/node_modules/(?!.*\\.(aff|dic|txt)$)'],
  testMatch: ['<rootDir>/functions/**/*.test.ts', '<rootDir>/shared/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  setupFiles: ['<rootDir>/test/setup-env.cjs'],
  testTimeout: 30000,
};
