import { hasFormAccessToken } from './form-token-refusal';

const request = (body: unknown, type: string | false) => ({ body, is: () => type }) as never;

describe('hasFormAccessToken', () => {
  it('finds an access_token field in a form body, and nothing in JSON bodies or other fields', () => {
    const form = Object.assign(Object.create(null) as object, { name: 'x', access_token: 'lgt_...' });
    expect(hasFormAccessToken(request(form, 'application/x-www-form-urlencoded'))).toBe(true);
    expect(hasFormAccessToken(request({ name: 'x' }, 'application/x-www-form-urlencoded'))).toBe(false);
    // A JSON lead may have a field of that name: JSON is not how RFC 6750 passes tokens.
    expect(hasFormAccessToken(request({ access_token: 'x' }, false))).toBe(false);
    expect(hasFormAccessToken(request(undefined, 'application/x-www-form-urlencoded'))).toBe(false);
  });
});
