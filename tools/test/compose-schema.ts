// Checks a Compose file against the compose-spec JSON schema that dclint ships (kept current with
// Docker Compose), through dclint's linter with its style rules set aside.
import { DCLinter as UntypedDCLinter } from 'dclint';

/** The part of dclint's API used here. Its own .d.ts re-exports without file extensions, which
 * TypeScript cannot follow under module nodenext, so the class arrives untyped. */
interface ComposeLinter {
  lintFiles(paths: string[], recursive: boolean): { messages: { rule: string; message: string }[] }[];
}
type ComposeLinterClass = new (config: {
  rules: Record<string, number>;
  quiet: boolean;
  debug: boolean;
  exclude: string[];
}) => ComposeLinter;
const DCLinter = UntypedDCLinter as unknown as ComposeLinterClass;

/** dclint's findings that mean the file is not valid Compose (the rest are its style rules). */
const VALIDITY_RULES = ['invalid-yaml', 'invalid-schema', 'unknown-error'];

/** Why the Compose file at `file` is not valid Compose; [] when it is. dclint reports the first schema error only. */
export function composeSchemaProblems(file: string): string[] {
  const results = new DCLinter({ rules: {}, quiet: true, debug: false, exclude: [] }).lintFiles([file], false);
  if (results.length !== 1) return [`dclint read ${results.length} files for ${file}`];
  return results[0].messages.filter((message) => VALIDITY_RULES.includes(message.rule)).map((m) => m.message);
}
