// newman ships no types: the part of its programmatic API that the docs tests use.
declare module 'newman' {
  export interface NewmanRunOptions {
    collection: unknown;
    /** Environment values, as `--env-var key=value` gives them: they win over collection variables. */
    envVar?: { key: string; value: string }[];
    /** Where `formdata` file `src` paths are resolved, as `--working-dir`. */
    workingDir?: string;
    reporters?: string[];
  }

  export interface NewmanExecution {
    item: { name: string };
    request: { method: string; url: { toString(): string } };
    response?: { code: number; stream?: Buffer };
    requestError?: Error;
    assertions?: { assertion: string; skipped?: boolean; error?: { message: string } }[];
  }

  export interface NewmanRunSummary {
    run: {
      stats: Record<'requests' | 'assertions' | 'testScripts' | 'prerequestScripts', { total: number; failed: number }>;
      executions: NewmanExecution[];
      failures: { error: { name: string; message: string }; source?: { name?: string } }[];
      error?: Error;
    };
  }

  export interface NewmanRunEmitter {
    on(event: 'console', listener: (error: Error | null, args: { level: string; messages: unknown[] }) => void): this;
  }

  export function run(
    options: NewmanRunOptions,
    callback: (error: Error | null, summary: NewmanRunSummary) => void,
  ): NewmanRunEmitter;
}
