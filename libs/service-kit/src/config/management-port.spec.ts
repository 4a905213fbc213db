import { ConfigError } from './load-config';
import { managementPortOf } from './management-port';

describe('managementPortOf', () => {
  it('is PORT + 1000 unless MANAGEMENT_PORT is set', () => {
    expect(managementPortOf({ PORT: 8080 })).toBe(9080);
    expect(managementPortOf({ PORT: 8084 })).toBe(9084);
    expect(managementPortOf({ PORT: 8080, MANAGEMENT_PORT: 9100 })).toBe(9100);
  });

  it('refuses the public port itself, and a default past 65535', () => {
    expect(() => managementPortOf({ PORT: 8080, MANAGEMENT_PORT: 8080 })).toThrow(ConfigError);
    expect(() => managementPortOf({ PORT: 65000 })).toThrow(/set MANAGEMENT_PORT/);
  });
});
