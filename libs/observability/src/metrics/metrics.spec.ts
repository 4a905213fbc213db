import { ServiceMetrics } from './metrics';

describe('ServiceMetrics', () => {
  it('names counters and only counters with _total, as promtool check metrics requires', async () => {
    const metrics = new ServiceMetrics('test');
    const families = await metrics.registry.getMetricsAsJSON();
    const misnamed = families
      .filter((family) => family.name.endsWith('_total') !== (family.type.toString() === 'counter'))
      .map((family) => `${family.name} (${family.type})`);
    expect(families.length).toBeGreaterThan(10);
    expect(misnamed).toEqual([]);
    expect(families.map((family) => family.name)).toContain('nodejs_active_handles');
  });
});
