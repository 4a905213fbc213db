import { isAddressOrRange, trustedProxiesSetting } from './trusted-proxies';

describe('TRUSTED_PROXIES', () => {
  it('is empty by default: no proxy is trusted', () => {
    expect(trustedProxiesSetting.parse(undefined)).toEqual([]);
    expect(trustedProxiesSetting.parse('')).toEqual([]);
  });

  it('takes addresses and CIDR ranges, comma-separated', () => {
    expect(trustedProxiesSetting.parse(' 10.0.0.7, 10.1.0.0/16 ,fd00::/8,::1')).toEqual([
      '10.0.0.7',
      '10.1.0.0/16',
      'fd00::/8',
      '::1',
    ]);
  });

  it('refuses names, bad ranges and anything else at boot', () => {
    for (const bad of ['loopback', 'proxy.internal', '10.0.0.0/33', '::/129', '10.0.0.1/8/8', '10.0.0.0/', '*']) {
      expect(isAddressOrRange(bad)).toBe(false);
    }
    expect(trustedProxiesSetting.safeParse('10.0.0.1,everyone').success).toBe(false);
  });
});
