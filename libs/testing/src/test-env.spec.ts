import { freePort, portAllocator } from './test-env';

describe('portAllocator', () => {
  it('skips a port the source offers again after handing it out once', async () => {
    const offers = [41001, 41002, 41001, 41002, 41003];
    const next = portAllocator(() => Promise.resolve(offers.shift() ?? 0));
    expect([await next(), await next(), await next()]).toEqual([41001, 41002, 41003]);
  });

  it('gives loopback ports from the kernel through freePort', async () => {
    const ports = [await freePort(), await freePort()];
    expect(ports[0]).not.toBe(ports[1]);
    expect(ports.every((port) => port > 0 && port < 65536)).toBe(true);
  });
});
