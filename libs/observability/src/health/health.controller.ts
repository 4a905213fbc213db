import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { readinessStatus, ReadinessRegistry } from './readiness';

/** What both HTTP adapters' responses (Express, Fastify) offer for setting a status. */
interface StatusSettable {
  status(code: number): unknown;
}

/**
 * The public port's health: a status and nothing else (API.md §9). Which checks failed, broker
 * addresses, consumer groups and counts are for operators, on the management listener.
 */
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessRegistry) {}

  /** Liveness: the process runs its event loop. Never depends on anything outside the process. */
  @Get('live')
  live(): Record<string, unknown> {
    return { status: 'ok' };
  }

  /**
   * Readiness: every dependency answers and every read model has caught up (503 otherwise). A ready
   * replica whose bulkheads are full answers 200 `saturated`: still an endpoint, balanced away from.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: StatusSettable): Promise<{ status: string }> {
    const report = await this.readiness.report();
    response.status(report.ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: readinessStatus(report) };
  }
}
