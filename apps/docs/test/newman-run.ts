import { NewmanExecution, run } from 'newman';

export interface NewmanRequestReport {
  name: string;
  method: string;
  url: string;
  status: number | null;
  assertions: number;
  failed: string[];
  error: string | null;
}

export interface NewmanReport {
  /** Each request that ran (a skipped one is not here), in run order. */
  requests: NewmanRequestReport[];
  assertions: number;
  /** Failed assertions, script errors and request errors, as newman lists them. */
  failures: string[];
  /** What the collection's scripts logged, e.g. why a request was skipped. */
  console: string[];
  executions: NewmanExecution[];
}

function requestReport(execution: NewmanExecution): NewmanRequestReport {
  const assertions = execution.assertions ?? [];
  return {
    name: execution.item.name,
    method: execution.request.method,
    url: execution.request.url.toString(),
    status: execution.response?.code ?? null,
    assertions: assertions.filter((assertion) => !assertion.skipped).length,
    failed: assertions.flatMap((assertion) =>
      assertion.error ? [`${assertion.assertion}: ${assertion.error.message}`] : [],
    ),
    error: execution.requestError?.message ?? null,
  };
}

/**
 * `newman run` of a collection as a partner runs it: unedited, with only environment values
 * (`--env-var`) and a working directory for the files it uploads.
 */
export function runNewman(
  collection: unknown,
  environment: Record<string, string>,
  workingDir: string,
): Promise<NewmanReport> {
  const logged: string[] = [];
  return new Promise((resolve, reject) => {
    run(
      {
        collection,
        envVar: Object.entries(environment).map(([key, value]) => ({ key, value })),
        workingDir,
        reporters: [],
      },
      (error, summary) => {
        if (error) return reject(error);
        resolve({
          requests: summary.run.executions.map(requestReport),
          assertions: summary.run.stats.assertions.total,
          failures: summary.run.failures.map(
            (failure) => `${failure.source?.name ?? '?'}: ${failure.error.name}: ${failure.error.message}`,
          ),
          console: logged,
          executions: summary.run.executions,
        });
      },
    ).on('console', (_error, args) => logged.push(`${args.level}: ${args.messages.map(String).join(' ')}`));
  });
}

/** How many requests a collection holds, in all its folders. */
export function requestCount(collection: { item?: unknown[] }): number {
  return (collection.item ?? []).reduce<number>((sum, item) => {
    const folder = item as { item?: unknown[] };
    return sum + (Array.isArray(folder.item) ? requestCount(folder) : 1);
  }, 0);
}
