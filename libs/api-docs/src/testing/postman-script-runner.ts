import { runInNewContext } from 'node:vm';
import { PostmanRequestItem } from '@leadgate/api-docs/postman';

export interface FakeAnswer {
  code: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ScriptOutcome {
  /** The names of the `pm.test`s the script declared (their bodies are not run here; newman runs them). */
  tests: string[];
  /** What the script set with `pm.collectionVariables.set`. */
  set: Record<string, string>;
  skipped: boolean;
}

/**
 * Runs one script of a request against a small stand-in for Postman's `pm`: enough to see that it
 * parses, which tests it declares, which ids it captures and when it skips. The assertions
 * themselves run for real under newman (apps/docs/test/newman.int-spec.ts).
 */
export function runScript(
  item: PostmanRequestItem,
  listen: 'prerequest' | 'test',
  variables: Record<string, string>,
  answer: FakeAnswer = { code: 200 },
): ScriptOutcome {
  const outcome: ScriptOutcome = { tests: [], set: {}, skipped: false };
  const script = item.event.find((event) => event.listen === listen);
  if (!script) return outcome;
  const pm = {
    test: (name: string) => outcome.tests.push(name),
    info: { requestName: item.name },
    variables: { get: (key: string) => variables[key] },
    collectionVariables: { set: (key: string, value: string) => (outcome.set[key] = value) },
    execution: { skipRequest: () => (outcome.skipped = true) },
    response: {
      code: answer.code,
      json: () => answer.body,
      headers: { get: (name: string) => answer.headers?.[name] },
    },
  };
  runInNewContext(script.script.exec.join('\n'), { pm, console: { log: () => {}, warn: () => {} } });
  return outcome;
}
