import { isPublicAddress } from './address-ranges';
import { resolvedTargetProblem, resolveTarget } from './resolved-target';
import { targetUrlProblem } from './target-url';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '198.18.0.1',
    '::1',
    '::',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd00:ec2::254',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe',
    '::ffff:7f00:1',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:1::',
    '2001:db8::1',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    '[::1]',
    'not an address',
    '',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '192.169.0.1',
    '::ffff:8.8.8.8',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
  ])('accepts %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('targetUrlProblem', () => {
  it('accepts public https URLs', () => {
    expect(targetUrlProblem('https://hooks.example.com/leadgate?x=1', false)).toBeNull();
    expect(targetUrlProblem('https://93.184.216.34:8443/in', false)).toBeNull();
    expect(targetUrlProblem('https://[2606:4700:4700::1111]/in', false)).toBeNull();
  });

  it.each([
    ['ftp://example.com/x', /https/],
    ['file:///etc/passwd', /https/],
    ['gopher://example.com/', /https/],
    ['javascript:alert(1)', /https/],
    ['http://example.com/', /https/],
    ['not a url', /absolute URL/],
    ['/relative/path', /absolute URL/],
    ['', /must be a URL/],
    ['https://user:pw@example.com/', /user name or password/],
    ['https://127.0.0.1/', /private/],
    ['https://[::1]/', /private/],
    ['https://[::ffff:169.254.169.254]/', /private/],
    ['https://169.254.169.254/latest/meta-data', /private/],
    ['https://0x7f000001/', /private/],
    ['https://2130706433/', /private/],
    ['https://localhost/', /public host/],
    ['https://api.localhost/', /public host/],
    ['https://metadata.google.internal/', /public host/],
    ['https://intranet/', /public host/],
    [`https://example.com/${'a'.repeat(2100)}`, /at most/],
  ])('refuses %s without private targets', (url, message) => {
    expect(targetUrlProblem(url, false)).toMatch(message);
  });

  it('refuses non-strings and never repeats the URL', () => {
    for (const value of [undefined, null, 42, {}, ['https://example.com']]) {
      expect(targetUrlProblem(value, true)).toBe('must be a URL');
    }
    expect(targetUrlProblem('https://user:hunter2@example.com/', false)).not.toContain('hunter2');
  });

  it('with private targets allowed, takes http and loopback, and still refuses other schemes', () => {
    expect(targetUrlProblem('http://127.0.0.1:9999/hook', true)).toBeNull();
    expect(targetUrlProblem('https://localhost/hook', true)).toBeNull();
    expect(targetUrlProblem('ftp://127.0.0.1/', true)).toMatch(/https or http/);
    expect(targetUrlProblem('file:///etc/passwd', true)).toMatch(/https or http/);
    expect(targetUrlProblem('http://u:p@127.0.0.1/', true)).toMatch(/password/);
  });
});

describe('resolvedTargetProblem', () => {
  const answers =
    (table: Record<string, string[]>) =>
    async (host: string): Promise<string[]> => {
      const found = table[host];
      if (!found) throw new Error('ENOTFOUND');
      return found;
    };
  const lookup = answers({
    'public.example': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
    'mixed.example': ['93.184.216.34', '10.0.0.5'],
    'rebind.example': ['169.254.169.254'],
    'mapped.example': ['::ffff:127.0.0.1'],
    'empty.example': [],
  });

  it('accepts a name whose every address is public, and answers them', async () => {
    expect(await resolvedTargetProblem('https://public.example/hook', false, lookup)).toBeNull();
    expect(await resolveTarget('https://public.example/hook', false, lookup)).toEqual({
      problem: null,
      addresses: ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
    });
  });

  it.each([
    ['https://mixed.example/', /resolves to a private/],
    ['https://rebind.example/', /resolves to a private/],
    ['https://mapped.example/', /resolves to a private/],
    ['https://empty.example/', /does not resolve/],
    ['https://nowhere.example/', /does not resolve/],
    ['http://public.example/', /https/],
  ])('refuses %s', async (url, message) => {
    expect(await resolvedTargetProblem(url, false, lookup)).toMatch(message);
  });

  it('resolves nothing when private targets are allowed', async () => {
    const never = async (): Promise<string[]> => {
      throw new Error('must not be asked');
    };
    expect(await resolvedTargetProblem('http://anything.example/', true, never)).toBeNull();
    expect(await resolveTarget('http://127.0.0.1:8080/', true, never)).toEqual({
      problem: null,
      addresses: ['127.0.0.1'],
    });
  });
});
