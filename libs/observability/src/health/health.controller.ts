import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ReadinessRegistry } from './readiness';

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

  /** Readiness: every dependency answers and every read model has caught up (503 otherwise). */
  @Get('ready')
  async ready(@Res() response: Response): Promise<void> {
    const report = await this.readiness.report();
    response.status(report.ready ? 200 : 503).json({ status: report.ready ? 'ok' : 'unavailable' });
  }
}
