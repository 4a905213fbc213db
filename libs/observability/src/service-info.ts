import { randomBytes } from 'node:crypto';

/** Who this process is: service name, build version and a per-process instance id. */
export class ServiceInfo {
  readonly instanceId: string;

  constructor(
    readonly name: string,
    readonly version: string,
    instanceId?: string,
  ) {
    this.instanceId = instanceId ?? `${name}-${randomBytes(4).toString('hex')}`;
  }
}
