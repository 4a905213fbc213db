import { z } from 'zod';
import { publicKeysProblem } from '@leadgate/service-kit/internal-auth/principal-keys';
import { credentialsConfigShape, CredentialsConfig, resolveCredentials } from './credentials';

/** Ed25519 public keys (base64 DER SPKI, comma-separated, or PEM), checked at boot. */
const publicKeys = z.string().superRefine((value, context) => {
  const problem = publicKeysProblem(value);
  if (problem) context.addIssue({ code: z.ZodIssueCode.custom, message: problem });
});

/** KAFKA_BROKERS: comma-separated host:port. */
export const kafkaBrokersSchema = z
  .string()
  .default('127.0.0.1:19092')
  .transform((value) => value.split(',').map((broker) => broker.trim()))
  .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'must be host:port')).min(1));

/** Settings every service shares; each app extends this with its own. */
export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  KAFKA_BROKERS: kafkaBrokersSchema,
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).default(1),
  /**
   * Appended to each shared consumer group of the `@OnTopicEvent` handlers. Empty in production;
   * test runs that share one broker give each platform its own groups, as they give it its own
   * databases, so no other run's replica takes its events. Such a group starts at the topic's end.
   */
  KAFKA_GROUP_SUFFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]{0,60}$/)
    .default(''),
  MONGO_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// URL')
    .default('mongodb://127.0.0.1:27027/'),
  /** Kafka SASL/TLS and MONGO_URL_FILE (ADR 022), checked together and the secret files read at boot. */
  ...credentialsConfigShape,
  /** Connections to the database per service process (driver default 100). */
  MONGO_MAX_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  /**
   * The gateway's Ed25519 public key(s) the signed principal is verified with; several during a
   * rotation. Public: no service holds a key that signs (ADR 010).
   */
  PRINCIPAL_VERIFY_KEY: publicKeys,
  /** The operator CLI's public key(s): identity accepts its account bootstrap only when they verify. */
  OPERATOR_VERIFY_KEY: publicKeys.optional(),
  /** A read model that has not heard from the broker for longer refuses to authorize (fail closed). */
  READ_MODEL_MAX_STALE_MS: z.coerce.number().int().positive().default(15000),
  /** The whole shutdown, drain included: a service still running after this exits 1. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10000),
  /**
   * After SIGTERM, how long a service keeps serving with readiness at 503 before it stops taking
   * connections, so balancers that poll readiness (the gateway's upstream pools) stop sending first.
   * Must be less than SHUTDOWN_GRACE_MS.
   */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).default(0),
  /**
   * The management listener: Prometheus /metrics and detailed readiness, never on the public port.
   * Port default PORT + 1000 (gateway 9080 … docs 9084); loopback unless the operator opens it.
   */
  MANAGEMENT_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  MANAGEMENT_HOST: z.string().default('127.0.0.1'),
  INSTANCE_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional(),
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once at boot; a bad or missing variable stops the service with its name. */
export function loadConfig<S extends z.ZodTypeAny>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const problems = [
    ...crossFieldProblems(result.data as Partial<BaseConfig>),
    ...resolveCredentials(result.data as CredentialsConfig),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
  return result.data as z.infer<S>;
}

/** Rules between settings, checked here because a refined base schema could no longer be extended. */
function crossFieldProblems(config: Partial<BaseConfig>): string[] {
  const { SHUTDOWN_DRAIN_MS: drain, SHUTDOWN_GRACE_MS: grace } = config;
  if (drain !== undefined && grace !== undefined && drain >= grace) {
    return [`SHUTDOWN_DRAIN_MS: must be less than SHUTDOWN_GRACE_MS (${grace}), which bounds the whole shutdown`];
  }
  return [];
}
