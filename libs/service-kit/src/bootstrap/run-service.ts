import 'reflect-metadata';
import { DynamicModule, INestApplication, Module } from '@nestjs/common';
import {
  createLogger,
  NestPinoLogger,
  ObservabilityModule,
  ReadinessRegistry,
  ServiceInfo,
  ServiceMetrics,
  startManagementServer,
} from '@leadgate/observability';
import type { Express } from 'express';
import type { Server } from 'node:http';
import { z } from 'zod';
import { BaseConfig, ConfigError, loadConfig } from '@leadgate/service-kit/config/load-config';
import { managementPortOf } from '@leadgate/service-kit/config/management-port';
import { installBodyParsing } from './body-parsing';
import { refuseTokenInFormBody } from './form-token-refusal';
import { createHttpApp, EdgeCheck, HttpAdapterKind } from './http-adapter';
import { ServiceContext } from './service-context';
import { ServiceKitModule } from './service-kit.module';

/** The env schema's output must include the base settings and a port; its input is the raw environment. */
type ServiceConfigSchema = z.ZodType<BaseConfig & { PORT: number }, z.ZodTypeDef, unknown>;

export interface ServiceDefinition<S extends ServiceConfigSchema> {
  name: string;
  version: string;
  configSchema: S;
  /** The app's own module, built from the context (config, logger, metrics). */
  module: (context: ServiceContext<z.infer<S>>) => DynamicModule;
  bodyLimit?: string;
  /** Limit for bodies that are neither JSON nor forms (multipart uploads); bodyLimit when unset. */
  rawBodyLimit?: (config: z.infer<S>) => number;
  /** False for the gateway, which reads bodies itself to forward them untouched. */
  parseBodies?: boolean;
  /**
   * The HTTP server under Nest: 'express' (the default) or 'fastify', which costs less per request
   * (the gateway). Body parsing is built on Express only: a Fastify service sets parseBodies: false.
   */
  httpAdapter?: HttpAdapterKind;
  /** Checks on every request before routing, after the request id is given (see EdgeCheck). */
  edgeChecks?: EdgeCheck[];
  /**
   * Runs once every module is initialised (Kafka topics made, producer connected) and before HTTP
   * listens: e.g. starting the service's event consumers. A failure stops the service.
   */
  beforeListen?: (app: INestApplication, context: ServiceContext<z.infer<S>>) => Promise<void>;
  /**
   * Runs once the app listens (Kafka connected, routes mapped): e.g. publishing the service's own
   * OpenAPI document. A failure is logged and does not stop the service.
   */
  afterInit?: (app: INestApplication, context: ServiceContext<z.infer<S>>) => Promise<void>;
  /**
   * Peers whose X-Forwarded-For is believed (the gateway's TRUSTED_PROXIES). None by default: a
   * service's request.ip is its TCP peer, whatever headers the caller set.
   */
  trustedProxies?: (config: z.infer<S>) => string[];
}

/**
 * Boots one service: validated config, JSON logs with request ids, metrics, health, problem+json
 * errors, and a graceful shutdown that turns readiness to 503, keeps serving for SHUTDOWN_DRAIN_MS,
 * stops taking requests, drains HTTP, then closes Kafka and the database (in that order, so
 * in-flight requests can still publish).
 */
export async function runService<S extends ServiceConfigSchema>(
  definition: ServiceDefinition<S>,
): Promise<INestApplication> {
  let config: z.infer<S>;
  let managementPort: number;
  try {
    config = loadConfig(definition.configSchema);
    managementPort = managementPortOf(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${definition.name}: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const info = new ServiceInfo(definition.name, definition.version, config.INSTANCE_ID);
  const logger = createLogger(definition.name, config.LOG_LEVEL).child({ instance: info.instanceId });
  const metrics = new ServiceMetrics(definition.name);
  const context: ServiceContext<z.infer<S>> = { config, info, logger, metrics };

  @Module({
    imports: [
      ObservabilityModule.forRoot({ info, logger, metrics }),
      ServiceKitModule.forRoot(context),
      definition.module(context),
    ],
  })
  class ServiceRootModule {}

  const adapter = definition.httpAdapter ?? 'express';
  if (adapter === 'fastify' && definition.parseBodies !== false) {
    throw new Error(`${definition.name}: body parsing is built on Express; a Fastify service sets parseBodies: false`);
  }
  const app = await createHttpApp(ServiceRootModule, {
    adapter,
    trustedProxies: definition.trustedProxies?.(config) ?? [],
    logger,
    metrics,
    edgeChecks: definition.edgeChecks ?? [],
    nestLogger: new NestPinoLogger(logger),
  });
  if (definition.parseBodies !== false) {
    const limit = definition.bodyLimit ?? '1mb';
    installBodyParsing(
      app.getHttpAdapter().getInstance() as Express,
      limit,
      definition.rawBodyLimit?.(config) ?? limit,
    );
    app.use(refuseTokenInFormBody);
  }

  installGracefulShutdown(app, logger, config.SHUTDOWN_GRACE_MS, config.SHUTDOWN_DRAIN_MS);
  await app.init();
  await definition.beforeListen?.(app, context);
  await app.listen(config.PORT, config.HOST);
  logger.info({ port: config.PORT, host: config.HOST, version: info.version }, `${definition.name} listening`);
  // Metrics and detailed readiness, for operators only; closed with the process at exit.
  await startManagementServer({
    host: config.MANAGEMENT_HOST,
    port: managementPort,
    readiness: app.get(ReadinessRegistry),
    metrics,
    info,
  }).catch((error: unknown) => {
    logger.fatal({ err: error, port: managementPort }, 'management listener could not start');
    process.exit(1);
  });
  logger.info({ port: managementPort, host: config.MANAGEMENT_HOST }, 'management listening');
  if (definition.afterInit) {
    try {
      await definition.afterInit(app, context);
    } catch (error) {
      logger.error({ err: error }, 'after-init hook failed');
    }
  }
  return app;
}

function installGracefulShutdown(
  app: INestApplication,
  logger: ReturnType<typeof createLogger>,
  graceMs: number,
  drainMs: number,
) {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error({ grace_ms: graceMs }, 'shutdown took too long; exiting');
      process.exit(1);
    }, graceMs);
    deadline.unref();
    try {
      app.get(ReadinessRegistry).markDraining();
      // The preStop pattern in the process: balancers that poll readiness see 503 and stop sending
      // new requests while this replica still answers them; only then does it refuse connections.
      // loadConfig keeps drainMs below graceMs, and the deadline above still bounds the whole stop.
      if (drainMs > 0) {
        logger.info({ drain_ms: drainMs }, 'draining: readiness 503, still serving');
        await new Promise((resolve) => setTimeout(resolve, drainMs));
      }
      const server = app.getHttpServer() as Server;
      // Finish in-flight requests first; idle keep-alive sockets are closed by server.close() on Node 20.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
