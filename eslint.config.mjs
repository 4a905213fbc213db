// Flat ESLint config: typescript-eslint with type information, Nx module boundaries with real
// constraints, and the checks that catch the async mistakes a Kafka/HTTP service cannot afford.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import { readdirSync, readFileSync } from 'node:fs';
import { houseRules } from './tools/eslint/house-rules.cjs';

/** The folders of the libraries whose project.json carries `tag` (read here, so a new lib is covered). */
function libsTagged(tag) {
  const libs = `${import.meta.dirname}/libs`;
  return readdirSync(libs, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .filter((entry) => {
      try {
        return JSON.parse(readFileSync(`${libs}/${entry.name}/project.json`, 'utf8')).tags?.includes(tag);
      } catch {
        return false;
      }
    })
    .map((entry) => `libs/${entry.name}`);
}

/** Library entries besides the index that other projects may import (each has its own tsconfig path). */
const PUBLIC_SUBENTRIES = [
  '@leadgate/contracts/testing',
  '@leadgate/api-docs-publishing/testing',
  '@leadgate/auth-core/scopes',
];

/** `@leads/` → `apps/leads/`, `@leadgate/kafka/` → `libs/kafka/`: the wildcard aliases of tsconfig.base.json. */
function internalAliasHomes() {
  const { paths } = JSON.parse(readFileSync(`${import.meta.dirname}/tsconfig.base.json`, 'utf8')).compilerOptions;
  return Object.fromEntries(
    Object.entries(paths)
      .filter(([alias]) => alias.endsWith('/*'))
      .map(([alias, [target]]) => [alias.slice(0, -1), target.replace(/src\/\*$/, '')]),
  );
}

/** Service and library code; tests, the harness and tools may use raw clients to observe from outside. */
const PRODUCTION_CODE = ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'];
const TEST_CODE = ['**/test/**', 'libs/testing/**'];

/** Tool scripts exempt from `// @ts-check` (none now: add one only with the reason beside it). */
const TOOLS_NOT_YET_TYPECHECKED = [];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.infra/**', '.nx/**', 'coverage/**'] },
  // The typed SDK client compiles only against types generated from a live OpenAPI document, which
  // tools/sdk/test makes and checks it against with `tsc --strict`; no tsconfig here can see them.
  { ignores: ['tools/sdk/client/partner-client.ts', 'tools/sdk/client/partner-walk.ts'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // A project reaches its own files through its alias (no `../`); importing its own public
          // entry instead is refused by leadgate/aliases-stay-home.
          allowCircularSelfDependency: true,
          allow: [],
          depConstraints: [
            // Apps are deployables: they use libraries, never each other.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:pure', 'type:infra'] },
            // Infrastructure libraries may use pure ones and each other.
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:pure', 'type:infra'] },
            // Pure libraries do no I/O and depend on nothing that does.
            { sourceTag: 'type:pure', onlyDependOnLibsWithTags: ['type:pure'] },
            // The test harness may reach anything a test needs, but not apps.
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:pure', 'type:infra', 'type:testing'] },
            // Cross-service integration tests drive processes, never import app code.
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:pure', 'type:infra', 'type:testing'] },
            // The console runs in the browser: pure libraries only (it talks to the platform over HTTP).
            { sourceTag: 'type:console', onlyDependOnLibsWithTags: ['type:pure'] },
            // Tools (start, CLI, bench, drills) run the platform from outside, through the harness.
            { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['type:pure', 'type:infra', 'type:testing'] },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['..', '../*'],
              message: "Import across folders through the project's alias (`@leads/store/...`, `@leadgate/kafka/...`).",
            },
          ],
        },
      ],
    },
  },
  // Where a module may be imported (tools/eslint/house-rules.cjs). Each rule is its own block, so
  // a block that configures no-restricted-imports elsewhere never switches one of these off.
  {
    // Mongoose and the driver only in repositories, schemas and libs/mongo (matched by file name).
    files: PRODUCTION_CODE,
    ignores: [...TEST_CODE, '**/*.repository.ts', '**/*.schema.ts', 'libs/mongo/**'],
    plugins: { leadgate: houseRules },
    rules: { 'leadgate/mongoose-only-in-store': 'error' },
  },
  {
    // A Nest module registers the models its repositories use (MongooseModule.forFeature), nothing more.
    files: PRODUCTION_CODE.map((glob) => glob.replace(/\*\.ts$/, '*.module.ts')),
    ignores: [...TEST_CODE, 'libs/mongo/**'],
    plugins: { leadgate: houseRules },
    rules: { 'leadgate/mongoose-only-in-store': ['error', { allowNames: { '@nestjs/mongoose': ['MongooseModule'] } }] },
  },
  {
    files: PRODUCTION_CODE,
    ignores: [...TEST_CODE, 'libs/kafka/**'],
    plugins: { leadgate: houseRules },
    rules: { 'leadgate/kafkajs-only-in-kafka-lib': 'error' },
  },
  {
    files: ['libs/kafka/**/*.ts'],
    plugins: { leadgate: houseRules },
    rules: { 'leadgate/no-openapi-in-kafka-lib': 'error' },
  },
  {
    // Each project's alias into its own src/ (tsconfig.base.json) is for that project alone.
    files: ['apps/**/*.ts', 'apps/**/*.tsx', 'libs/**/*.ts', 'tests/**/*.ts', 'tools/**/*.ts'],
    plugins: { leadgate: houseRules },
    rules: {
      'leadgate/aliases-stay-home': ['error', { homes: internalAliasHomes(), publicEntries: PUBLIC_SUBENTRIES }],
    },
  },
  {
    // Every library tagged type:pure, its tests included: no I/O modules, no framework.
    files: libsTagged('type:pure').map((lib) => `${lib}/**/*.ts`),
    plugins: { leadgate: houseRules },
    rules: { 'leadgate/no-io-in-pure-libs': 'error' },
  },
  {
    // The tools' plain ESM scripts: the recommended rules without type information (their types are
    // checked by `tsc -p tools/tsconfig.json` through `// @ts-check`).
    files: ['tools/**/*.mjs', 'tools/**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Every tool script is typechecked; the ones listed are not yet (being rewritten, or their
    // types need more than a JSDoc line): remove a file from the list when it gets `// @ts-check`.
    files: ['tools/**/*.mjs', 'tools/**/*.cjs'],
    ignores: TOOLS_NOT_YET_TYPECHECKED,
    plugins: { leadgate: houseRules },
    rules: { 'leadgate/ts-check-first': 'error' },
  },
  {
    files: ['tools/**/*.mjs', 'tools/**/*.cjs', 'tools/**/*.ts'],
    rules: {
      // `const { _id, ...rest } = doc` is how a tool drops a field.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Tools stand outside apps and libs (no alias of their own): they reach code by path.
      'no-restricted-imports': 'off',
    },
  },
  {
    // The deployment-manifest check reads each app's config schema: the one place a tool needs app code.
    files: ['tools/test/deployment-manifests.spec.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [
            ...['campaigns', 'docs', 'gateway', 'identity', 'leads', 'webhooks'].map(
              (app) => `../../apps/${app}/src/config`,
            ),
            '../../libs/service-kit/src/config/management-port',
          ],
        },
      ],
    },
  },
  {
    // An app's own integration tests (apps/<app>/test) may use the test harness as well.
    files: ['apps/*/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allowCircularSelfDependency: true,
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:pure', 'type:infra', 'type:testing'] },
            { sourceTag: 'type:console', onlyDependOnLibsWithTags: ['type:pure', 'type:testing'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', 'tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The console's React code: the rules of hooks, and the React Compiler's checks of purity.
    files: ['apps/console/**/*.ts', 'apps/console/**/*.tsx'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  // Imports run down (docs/ARCHITECTURE.md). Each app's rooms, lowest layer first: a file may import
  // its own room, the layers below it and the app's config.ts, never a room of its own layer or above,
  // nor the root module. Proof it bites: `npx eslint apps/leads apps/campaigns`.
  ...importsRunDown({
    leads: [
      ['store', 'scope', 'json'],
      ['idempotency', 'events'],
      ['leads'],
      ['files', 'quarantine', 'access-insight'],
      ['receiver'],
    ],
    campaigns: [['store'], ['publishers'], ['campaign-schema', 'filters', 'partner-schema'], ['campaigns']],
    console: [
      ['api'],
      ['ui'],
      ['session'],
      ['campaigns'],
      ['schema', 'filters', 'tokens', 'credentials', 'receiver', 'leads', 'quarantine', 'audit', 'users', 'settings'],
      ['app'],
    ],
  }),
  prettier,
);

/**
 * One config per room: `@typescript-eslint/no-restricted-imports` (not the core rule, which other
 * blocks set for the same files and which a later block would replace) forbids the rooms of the
 * room's own layer and above, and the app's root module and main.
 */
function importsRunDown(apps) {
  return Object.entries(apps).flatMap(([app, layers]) =>
    layers.flatMap((layer, rank) =>
      layer.map((room) => {
        const notBelow = layers
          .slice(rank)
          .flat()
          .filter((other) => other !== room);
        return {
          files: [`apps/${app}/src/${room}/**/*.ts`, `apps/${app}/src/${room}/**/*.tsx`],
          rules: {
            '@typescript-eslint/no-restricted-imports': [
              'error',
              {
                patterns: [
                  {
                    group: [
                      ...notBelow.flatMap((other) => [`@${app}/${other}`, `@${app}/${other}/**`]),
                      `@${app}/${app}.module`,
                      `@${app}/main`,
                    ],
                    message: `Imports run down: ${app}/src/${room}/ may not import ${notBelow.join(', ')} or the root module (docs/ARCHITECTURE.md).`,
                  },
                ],
              },
            ],
          },
        };
      }),
    ),
  );
}
