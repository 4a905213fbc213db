// Shared jest settings: @swc/jest with the repo's .swcrc (decorator metadata for Nest), and the
// tsconfig path aliases mapped to source, so tests run the TypeScript directly.
const { readFileSync } = require('node:fs');

// Every jest run is in UTC, however it is started (npm test, npx jest, an editor): dates in
// assertions and in the service processes the tests spawn never depend on the machine's zone.
// Set before any worker starts, so workers and their children inherit it.
process.env.TZ = 'UTC';
const path = require('node:path');

const swcrc = JSON.parse(readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
const { paths } = JSON.parse(readFileSync(path.join(__dirname, 'tsconfig.base.json'), 'utf8')).compilerOptions;

// `@leads/*` → `apps/leads/src/*` becomes `^@leads/(.*)$` → `<rootDir>/apps/leads/src/$1`. Exact
// aliases come first in tsconfig.base.json, and jest tries the mapper's entries in order.
const moduleNameMapper = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [
    `^${alias.replace('*', '(.*)')}$`,
    `<rootDir>/${target.replace('*', '$1')}`,
  ]),
);

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false, sourceMaps: 'inline' }] },
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.infra/'],
};
