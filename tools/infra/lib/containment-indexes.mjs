// @ts-check
// GIN indexes that FerretDB's pushed-down equality can use (postgresql backend only).
//
// FerretDB v1 turns a top-level equality `{ field: { $eq: v } }` into `_jsonb -> 'field' @> 'v'`
// (jsonb containment), including `_id`. The btree expression indexes it builds for createIndex
// (and for `_id`) cannot serve `@>`, so every such query is a sequential scan of the collection's
// table. A GIN `jsonb_path_ops` index on the same expression can (EXPLAIN ANALYZE in
// docs/BENCHMARKS.md). Which fields: the leading field of every index FerretDB made, i.e. of
// every index the mongoose schemas declare, plus `_id`; so the schemas stay the one place that
// says what is indexed, and MongoDB (which uses those indexes directly) needs nothing of this.
//
// Each has a 64 kB pending list (default 4 MB): GIN queues new entries there and every lookup scans
// it whole, so after a bulk load a default list cost each `_id` lookup ~2 ms per index; a small one
// is merged often and costs little (docs/BENCHMARKS.md).
//
// Idempotent (`CREATE INDEX IF NOT EXISTS`, names derived from table and field); safe to rerun
// whenever collections may have appeared: FerretDB creates tables lazily (on the first insert or
// createIndexes), so callers run it after the services started and after a bench seeded.
import { findPostgresBin } from './prereqs.mjs';
import { run } from './proc.mjs';

/** kB of GIN pending list per index (see above). */
const PENDING_LIST_KB = 64;

/**
 * One DO block: for each FerretDB collection table (in schemas whose name starts with `prefix`)
 * and each field that leads one of its btree indexes, a GIN index on `_jsonb -> field`. Field
 * names come from the catalog, are quoted with format(%L/%I) and never come from a caller.
 */
export function containmentIndexSql(prefix = '') {
  const pattern = schemasStartingWith(prefix);
  return `
SET client_min_messages = warning;
DO $do$
DECLARE
  r record;
  made integer := 0;
BEGIN
  FOR r IN
    SELECT DISTINCT n.nspname AS schema_name, t.relname AS table_name, k.field
    FROM pg_index i
    JOIN pg_class t ON t.oid = i.indrelid AND t.relkind = 'r'
    JOIN pg_namespace n ON n.oid = t.relnamespace
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_am am ON am.oid = ic.relam AND am.amname = 'btree'
    CROSS JOIN LATERAL (
      SELECT substring(pg_get_indexdef(i.indexrelid, 1, true) FROM $re$^\\(?_jsonb -> '([^']+)'::text\\)?$$re$) AS field
    ) k
    WHERE k.field IS NOT NULL
      AND n.nspname LIKE ${pattern}
      AND t.relname NOT LIKE '\\_ferretdb\\_%'
  LOOP
    IF to_regclass(format('%I.%I', r.schema_name, r.table_name || '_' || left(md5(r.field), 8) || '_gin')) IS NULL THEN
      EXECUTE format(
        'CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin ((_jsonb -> %L) jsonb_path_ops) WITH (gin_pending_list_limit = ${PENDING_LIST_KB})',
        r.table_name || '_' || left(md5(r.field), 8) || '_gin', r.schema_name, r.table_name, r.field
      );
      made := made + 1;
    END IF;
  END LOOP;
  -- Indexes made before the pending list was bounded.
  FOR r IN
    SELECT n.nspname AS schema_name, c.relname AS index_name
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_am am ON am.oid = c.relam AND am.amname = 'gin'
    WHERE c.relkind = 'i' AND c.relname LIKE '%\\_gin' AND n.nspname LIKE ${pattern}
      AND NOT coalesce(c.reloptions, '{}') @> ARRAY['gin_pending_list_limit=${PENDING_LIST_KB}']
  LOOP
    EXECUTE format('ALTER INDEX %I.%I SET (gin_pending_list_limit = ${PENDING_LIST_KB})', r.schema_name, r.index_name);
  END LOOP;
  RAISE WARNING 'containment indexes created: %', made;
END
$do$;`;
}

/** A SQL LIKE pattern, as a string literal, for schema (FerretDB database) names starting with `prefix`. */
function schemasStartingWith(prefix) {
  return quote(`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/** A SQL string literal. */
function quote(text) {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Creates the missing GIN indexes through psql (tools/infra has no npm dependencies) and answers
 * how many it created. `prefix` limits it to FerretDB databases whose name starts with it.
 * @param {any} cfg resolveConfig()
 * @param {{ prefix?: string }} [options]
 */
export async function ensureContainmentIndexes(cfg, { prefix = '' } = {}) {
  const psql = findPostgresBin('psql');
  if (!psql) throw new Error("PostgreSQL's psql not found: apt-get install postgresql-client");
  const res = await psqlScript(cfg, containmentIndexSql(prefix));
  if (res.code !== 0) throw new Error(`containment indexes: ${res.output.trim()}`);
  const made = Number(res.output.match(/containment indexes created: (\d+)/)?.[1] ?? 0);
  return { created: made };
}

/**
 * Plans are made per execution with the values in them: FerretDB prepares its statements, and a
 * generic plan, where the field is still the parameter `_jsonb -> $1`, cannot match an index on
 * `_jsonb -> 'field'`. Persistent for the database; connections opened afterwards get it.
 * @param {any} cfg resolveConfig()
 */
export async function preferCustomPlans(cfg) {
  const res = await psqlScript(cfg, `ALTER DATABASE ${cfg.postgres.database} SET plan_cache_mode = force_custom_plan;`);
  if (res.code !== 0) throw new Error(`plan_cache_mode: ${res.output.trim()}`);
}

/**
 * VACUUM (ANALYZE) of every FerretDB collection table in schemas whose name starts with `prefix`:
 * row counts for the planner and GIN pending lists merged, as autovacuum leaves a table some
 * seconds after a bulk load. For data written straight into the database (the bench's seeding).
 * @param {any} cfg resolveConfig()
 * @param {{ prefix?: string }} [options]
 */
export async function vacuumTables(cfg, { prefix = '' } = {}) {
  const pattern = schemasStartingWith(prefix);
  const res = await psqlScript(
    cfg,
    `SELECT format('VACUUM (ANALYZE) %I.%I', n.nspname, t.relname)
       FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE t.relkind = 'r' AND n.nspname LIKE ${pattern} AND t.relname NOT LIKE '\\_ferretdb\\_%' \\gexec`,
  );
  if (res.code !== 0) throw new Error(`vacuum: ${res.output.trim()}`);
}

/** Runs a script through psql on its standard input (which psql reads to the end: no EPIPE). */
function psqlScript(cfg, sql) {
  const psql = findPostgresBin('psql');
  if (!psql) throw new Error("PostgreSQL's psql not found: apt-get install postgresql-client");
  const connection = ['-h', cfg.host, '-p', String(cfg.postgres.port), '-U', cfg.postgres.user, cfg.postgres.database];
  return run(psql, [...connection, '-X', '-q', '-v', 'ON_ERROR_STOP=1'], { input: sql });
}
