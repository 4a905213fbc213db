import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ReadinessRegistry } from './readiness';
import { ServiceInfo } from '../service-info';

@Controller('health')
export class HealthController {
  constructor(
    private readonly readiness: ReadinessRegistry,
    private readonly info: ServiceInfo,
  ) {}

  /** Liveness: the process runs its event loop. Never depends on anything outside the process. */
  @Get('live')
  live(): Record<string, unknown> {
    return { status: 'ok', service: this.info.name, version: this.info.version, uptime_s: process.uptime() };
  }

  /** Readiness: every dependency answers and every read model has caught up. */
  @Get('ready')
  async ready(@Res() response: Response): Promise<void> {
    const report = await this.readiness.report();
    const body = {
      status: report.ready ? 'ok' : 'unavailable',
      service: this.info.name,
      version: this.info.version,
      instance: this.info.instanceId,
      checks: report.checks,
    };
    response.status(report.ready ? 200 : 503).json(body);
  }
}
