// Unit tests: pure logic beside the code (*.spec.ts), no broker, no database.
const shared = require('./jest.shared.cjs');

module.exports = {
  ...shared,
  displayName: 'unit',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'],
};
