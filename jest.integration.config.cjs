// Integration tests: real Kafka and FerretDB from tools/infra, real service processes from dist/.
// globalSetup brings the embedded infrastructure up (if needed) and builds dist/ once.
const shared = require('./jest.shared.cjs');

module.exports = {
  ...shared,
  displayName: 'integration',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/test/**/*.int-spec.ts', '<rootDir>/tests/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  testTimeout: 90000,
  maxWorkers: 1,
};
