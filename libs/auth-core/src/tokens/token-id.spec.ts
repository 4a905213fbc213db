import { clientIdFor, parseClientId, publicIdOfTokenId, TOKEN_ID_PREFIXES, tokenIdFor } from './token-id';
import { generateTokenString, TOKEN_KINDS } from './token-string';

// The id rule of @leadgate/contracts (idSchema), repeated so this pure library does not depend on it.
const CONTRACT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const publicId = 'AbCdEfGh01234567';

describe('token ids', () => {
  it('prefix the public id by kind', () => {
    expect(tokenIdFor('api_token', publicId)).toBe('tok_AbCdEfGh01234567');
    expect(tokenIdFor('client_secret', publicId)).toBe('cred_AbCdEfGh01234567');
    expect(tokenIdFor('access_token', publicId)).toBe('acc_AbCdEfGh01234567');
    expect(Object.keys(TOKEN_ID_PREFIXES).sort()).toEqual([...TOKEN_KINDS].sort());
  });

  it('are valid contract ids and give their public id back', () => {
    for (const kind of TOKEN_KINDS) {
      const generated = generateTokenString(kind);
      const id = tokenIdFor(kind, generated.publicId);
      expect(id).toMatch(CONTRACT_ID);
      expect(publicIdOfTokenId(kind, id)).toBe(generated.publicId);
    }
  });

  it('refuse a public id this library never makes', () => {
    expect(() => tokenIdFor('api_token', 'short')).toThrow(TypeError);
    expect(() => tokenIdFor('api_token', 'AbCdEfGh0123456_')).toThrow(TypeError);
  });

  it('publicIdOfTokenId refuses ids of another kind or shape', () => {
    expect(publicIdOfTokenId('api_token', `cred_${publicId}`)).toBeNull();
    expect(publicIdOfTokenId('api_token', 'tok_short')).toBeNull();
    expect(publicIdOfTokenId('api_token', `tok_${publicId}x`)).toBeNull();
    expect(publicIdOfTokenId('api_token', 42)).toBeNull();
  });
});

describe('client ids', () => {
  it('are lgc_ and the public id, and parse back', () => {
    expect(clientIdFor(publicId)).toBe('lgc_AbCdEfGh01234567');
    expect(parseClientId('lgc_AbCdEfGh01234567')).toBe(publicId);
  });

  it.each([
    'lgc_AbCdEfGh0123456',
    'lgc_AbCdEfGh012345678',
    'LGC_AbCdEfGh01234567',
    'lgt_AbCdEfGh01234567',
    'lgc_AbCdEfGh0123456!',
    ' lgc_AbCdEfGh01234567',
    '',
    'x'.repeat(1_000_000),
  ])('refuses %j', (value) => {
    expect(parseClientId(value)).toBeNull();
  });

  it('refuses what is not a string, and a bad public id on the way out', () => {
    expect(parseClientId(undefined)).toBeNull();
    expect(parseClientId({ toString: () => 'lgc_AbCdEfGh01234567' })).toBeNull();
    expect(() => clientIdFor('nope')).toThrow(TypeError);
  });
});
