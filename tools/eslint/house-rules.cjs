// @ts-check
// House rules as ESLint rules: where a module may be imported, and tool scripts typechecked. An
// import rule only names the modules it forbids; which files it covers (and the files that are the
// modules' home) is said in eslint.config.mjs with `files`/`ignores`, by file name. CommonJS, so
// that eslint.config.mjs imports it and house-rules.spec.ts requires it.

/** @typedef {import('eslint').Rule.RuleModule} RuleModule */
/** @typedef {import('eslint').Rule.Node} Node */

/**
 * True when `source` is one of `modules` or a subpath of one (`mongodb/lib/x`); `node:fs` and
 * `fs` are the same module, and an entry ending in `/*` stands for a whole scope (`@nestjs/*`).
 * @param {string} source
 * @param {readonly string[]} modules
 */
function isForbiddenSource(source, modules) {
  const name = source.startsWith('node:') ? source.slice('node:'.length) : source;
  return modules.some((module) =>
    module.endsWith('/*') ? name.startsWith(module.slice(0, -1)) : name === module || name.startsWith(`${module}/`),
  );
}

/**
 * The named imports a file may take from a forbidden module all the same (option `allowNames`):
 * `{ "@nestjs/mongoose": ["MongooseModule"] }` lets a Nest module register models it never queries.
 * @param {Node} node
 * @param {string} source
 * @param {Record<string, string[]>} allowNames
 */
function onlyAllowedNames(node, source, allowNames) {
  const allowed = allowNames[source];
  if (!allowed || node.type !== 'ImportDeclaration' || node.specifiers.length === 0) return false;
  return node.specifiers.every(
    (specifier) =>
      specifier.type === 'ImportSpecifier' &&
      specifier.imported.type === 'Identifier' &&
      allowed.includes(specifier.imported.name),
  );
}

/**
 * A rule that reports every import of `modules` (every form: see importVisitors).
 * @param {{ modules: readonly string[]; why: string }} spec
 * @returns {RuleModule}
 */
function forbiddenImportsRule({ modules, why }) {
  return {
    meta: {
      type: 'problem',
      docs: { description: `Forbids ${modules.join(', ')}: ${why}` },
      messages: { forbidden: `'{{source}}' is not imported here: ${why}` },
      schema: [
        {
          type: 'object',
          properties: {
            allowNames: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
          },
          additionalProperties: false,
        },
      ],
    },
    create(context) {
      /** @type {{ allowNames?: Record<string, string[]> }} */
      const options = context.options[0] ?? {};
      const allowNames = options.allowNames ?? {};
      /**
       * @param {Node} node the statement or expression, reported
       * @param {unknown} literal the node holding the module name
       */
      const check = (node, literal) => {
        const source = moduleName(literal);
        if (source === null || !isForbiddenSource(source, modules) || onlyAllowedNames(node, source, allowNames))
          return;
        context.report({ node, messageId: 'forbidden', data: { source } });
      };
      return importVisitors(check);
    },
  };
}

/**
 * Visitors that call `check(node, literal)` for every way a file names a module: `import`,
 * `export ... from`, `import()`, `require()`, `import x = require()` and `import('x').Type`.
 * @param {(node: Node, literal: unknown) => void} check
 * @returns {import('eslint').Rule.RuleListener}
 */
function importVisitors(check) {
  /** @param {any} node typescript-eslint nodes are not in ESLint's node types */
  const tsNode = (node) => node;
  return {
    ImportDeclaration: (node) => check(node, node.source),
    ExportNamedDeclaration: (node) => check(node, node.source),
    ExportAllDeclaration: (node) => check(node, node.source),
    ImportExpression: (node) => check(node, node.source),
    CallExpression: (node) => {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0]);
    },
    TSImportEqualsDeclaration: (node) => check(node, tsNode(node).moduleReference?.expression),
    TSImportType: (node) => check(node, tsNode(node).argument?.literal),
  };
}

/** @param {unknown} literal @returns {string | null} the module name a string literal holds */
function moduleName(literal) {
  const source = /** @type {{ type?: string; value?: unknown } | null | undefined} */ (literal);
  return source?.type === 'Literal' && typeof source.value === 'string' ? source.value : null;
}

/**
 * Every app and library has a path alias into its own `src/` (`@leads/store/...`,
 * `@leadgate/kafka/topics`), so that files in one folder reach another without `../`. Such an alias
 * stays home: another project reaches a library only through its public entries (`@leadgate/kafka`,
 * and those listed in `publicEntries`), and an app's alias is for the app alone. Inside a library,
 * its own public entry is not imported either (a module cycle through the index).
 * Options: `homes` maps an alias prefix to the folder it may be used in (relative to the repo root).
 * @type {RuleModule}
 */
const aliasesStayHome = {
  meta: {
    type: 'problem',
    docs: { description: "Forbids using another project's internal path alias." },
    messages: {
      libInternals: "'{{source}}' is inside {{home}}: import its public entry {{entry}} instead.",
      appInternals: "'{{source}}' is inside {{home}}: an app's files are its own; share code through a library.",
      ownEntry: "'{{source}}' is this library's own entry: import the file you need through its alias.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          homes: { type: 'object', additionalProperties: { type: 'string' } },
          publicEntries: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    /** @type {{ homes?: Record<string, string>; publicEntries?: string[] }} */
    const options = context.options[0] ?? {};
    const filename = context.filename.replaceAll('\\', '/');
    const cwd = `${context.cwd.replaceAll('\\', '/')}/`;
    const file = filename.startsWith(cwd) ? filename.slice(cwd.length) : filename;
    const publicEntries = options.publicEntries ?? [];
    return importVisitors((node, literal) => {
      const source = moduleName(literal);
      if (source === null || publicEntries.includes(source)) return;
      for (const [prefix, home] of Object.entries(options.homes ?? {})) {
        const entry = prefix.slice(0, -1);
        if (source === entry && file.startsWith(home)) {
          context.report({ node, messageId: 'ownEntry', data: { source } });
          continue;
        }
        if (!source.startsWith(prefix) || file.startsWith(home)) continue;
        const isLibrary = home.startsWith('libs/');
        const data = { source, home, entry };
        context.report({ node, messageId: isLibrary ? 'libInternals' : 'appInternals', data });
      }
    });
  },
};

/** The modules that reach a database, a broker, the disk, the network or another process. */
const IO_MODULES = Object.freeze([
  'fs',
  'net',
  'http',
  'https',
  'http2',
  'tls',
  'dgram',
  'dns',
  'child_process',
  'cluster',
  'mongoose',
  'mongodb',
  'kafkajs',
  '@nestjs/*',
]);

/**
 * A tool script starts with `// @ts-check` (after its `#!` line): tools/tsconfig.json checks only the
 * files that ask for it (checkJs is off), so without this a new script would go unchecked.
 * @type {RuleModule}
 */
const tsCheckFirst = {
  meta: {
    type: 'problem',
    docs: { description: 'Requires `// @ts-check` as the first comment of a tool script.' },
    messages: { missing: 'Start the script with `// @ts-check` (typechecked by `tsc -p tools/tsconfig.json`).' },
    schema: [],
  },
  create(context) {
    return {
      Program(node) {
        if (!/^(#![^\n]*\n)?\/\/ @ts-check\b/.test(context.sourceCode.text)) {
          context.report({ node, loc: { line: 1, column: 0 }, messageId: 'missing' });
        }
      },
    };
  },
};

/** The ESLint plugin `leadgate`: the house rules. */
const houseRules = {
  meta: { name: 'leadgate-house-rules' },
  rules: {
    'ts-check-first': tsCheckFirst,
    'aliases-stay-home': aliasesStayHome,
    'mongoose-only-in-store': forbiddenImportsRule({
      modules: ['mongoose', 'mongodb', '@nestjs/mongoose'],
      why: 'database access lives in a *.repository.ts or *.schema.ts file (or libs/mongo).',
    }),
    'kafkajs-only-in-kafka-lib': forbiddenImportsRule({
      modules: ['kafkajs'],
      why: 'Kafka is reached through @leadgate/kafka.',
    }),
    'no-io-in-pure-libs': forbiddenImportsRule({
      modules: IO_MODULES,
      why: 'a library tagged type:pure does no I/O and uses no framework.',
    }),
    'no-openapi-in-kafka-lib': forbiddenImportsRule({
      modules: ['@nestjs/swagger'],
      why: 'the Kafka library moves events; OpenAPI documents are built in @leadgate/api-docs-publishing.',
    }),
  },
};

module.exports = { houseRules, forbiddenImportsRule, isForbiddenSource, IO_MODULES };
