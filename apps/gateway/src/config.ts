import path from 'node:path';
import { baseConfigSchema } from '@leadgate/service-kit';
import { z } from 'zod';
import { trustedProxiesSetting } from './client-address/trusted-proxies';

/**
 * One service's replicas: a comma-separated list of base URLs, each checked. One URL is the usual
 * single-address setup (a Kubernetes Service, a compose name); several are balanced by the gateway.
 */
const replicaUrls = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ''),
    )
    .pipe(z.array(z.string().url()).min(1, 'needs at least one URL'));

export const gatewayConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  IDENTITY_URL: replicaUrls('http://127.0.0.1:8081'),
  CAMPAIGNS_URL: replicaUrls('http://127.0.0.1:8082'),
  LEADS_URL: replicaUrls('http://127.0.0.1:8083'),
  DOCS_URL: replicaUrls('http://127.0.0.1:8084'),
  WEBHOOKS_URL: replicaUrls('http://127.0.0.1:8085'),
  /** How often each replica's /health/ready is asked; a replica that does not answer 200 leaves rotation. */
  UPSTREAM_HEALTH_INTERVAL_MS: z.coerce.number().int().positive().default(1000),
  /** Largest JSON or form body the gateway forwards; file uploads have their own limit. */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  FILE_UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * 1024 * 1024),
  /**
   * The request's deadline, signed into the principal: services start no work that commits after
   * it. The gateway waits UPSTREAM_COMMIT_MARGIN_MS longer for work that committed just before it,
   * then answers 504 and drops the call.
   */
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(15000),
  UPSTREAM_COMMIT_MARGIN_MS: z.coerce.number().int().nonnegative().default(5000),
  /** Per-token budget when the token sets none; anonymous callers are limited per address. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(1200),
  ANONYMOUS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(120),
  /** Requests one token may have in progress at once (429 over it). */
  TOKEN_CONCURRENCY_LIMIT: z.coerce.number().int().positive().default(32),
  TOKEN_USAGE_FLUSH_MS: z.coerce.number().int().positive().default(10000),
  /**
   * How often each replica publishes its per-token counts to the others (ADR 027). The global limit
   * can be exceeded by what the other replicas admit in this interval plus Kafka's propagation delay.
   */
  RATE_LIMIT_SHARE_MS: z.coerce.number().int().min(10).max(1000).default(50),
  /** Refused tokens one client address may send a minute; then 429 until the minute is over. */
  AUTH_FAILURE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** Proxies whose X-Forwarded-For is believed (addresses, CIDRs); none by default. */
  TRUSTED_PROXIES: trustedProxiesSetting,
  /**
   * The gateway's Ed25519 private key (base64 DER PKCS8, or PEM) for the signed principal; only the
   * gateway holds it. Or PRINCIPAL_SIGNING_KEY_FILE, a file holding it (a mounted Secret). One is required.
   */
  PRINCIPAL_SIGNING_KEY: z.string().min(1).optional(),
  PRINCIPAL_SIGNING_KEY_FILE: z.string().min(1).optional(),
  /** The built console (tools/build/console.mjs) that /console serves; dist/console beside the gateway's build. */
  CONSOLE_DIR: z.string().min(1).default(path.resolve(__dirname, '../../../console')),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
