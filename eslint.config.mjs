// Flat ESLint config: typescript-eslint with type information, Nx module boundaries with real
// constraints, and the checks that catch the async mistakes a Kafka/HTTP service cannot afford.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.infra/**', '.nx/**', 'tools/**/*.mjs', 'coverage/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
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
        { patterns: [{ group: ['../../*'], message: 'Import across folders through a path alias (@leadgate/...).' }] },
      ],
    },
  },
  {
    // Pure libraries: no I/O modules at all.
    files: ['libs/contracts/**/*.ts', 'libs/auth-core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['kafkajs', 'mongoose', 'mongodb', 'node:fs', 'node:net', 'node:http', 'fs', 'net', 'http'].map(
            (name) => ({ name, message: 'Pure libraries do no I/O.' }),
          ),
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
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:pure', 'type:infra', 'type:testing'] },
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
  // Imports run down (docs/ARCHITECTURE.md). Each app's rooms, lowest layer first: a file may import
  // its own room, the layers below it and the app's config.ts, never a room of its own layer or above,
  // nor the root module. Proof it bites: `npx eslint apps/leads apps/campaigns`.
  ...importsRunDown({
    leads: [['store', 'scope', 'json'], ['idempotency', 'events'], ['leads'], ['files', 'quarantine'], ['receiver']],
    campaigns: [['store'], ['publishers'], ['campaign-schema', 'filters', 'partner-schema'], ['campaigns']],
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
          files: [`apps/${app}/src/${room}/**/*.ts`],
          rules: {
            '@typescript-eslint/no-restricted-imports': [
              'error',
              {
                patterns: [
                  {
                    group: [
                      ...notBelow.flatMap((other) => [`../${other}`, `../${other}/**`]),
                      `../${app}.module`,
                      '../main',
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
