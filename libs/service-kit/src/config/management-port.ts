import { BaseConfig, ConfigError } from './load-config';

/** How far above its public port a service's management listener is, when MANAGEMENT_PORT is unset. */
export const MANAGEMENT_PORT_OFFSET = 1000;

/** MANAGEMENT_PORT, else PORT + 1000; never the public port itself. */
export function managementPortOf(config: Pick<BaseConfig, 'MANAGEMENT_PORT'> & { PORT: number }): number {
  const port = config.MANAGEMENT_PORT ?? config.PORT + MANAGEMENT_PORT_OFFSET;
  if (port === config.PORT) {
    throw new ConfigError([`MANAGEMENT_PORT: must differ from PORT (${config.PORT}); the public port never serves it`]);
  }
  if (port > 65535) {
    throw new ConfigError([`MANAGEMENT_PORT: PORT + ${MANAGEMENT_PORT_OFFSET} is above 65535; set MANAGEMENT_PORT`]);
  }
  return port;
}
