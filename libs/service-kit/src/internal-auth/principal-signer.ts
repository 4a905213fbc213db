import { KeyObject, sign } from 'node:crypto';
import { randomIdPart } from '@leadgate/service-kit/ids/random-id';
import {
  MAX_PRINCIPAL_TTL_SECONDS,
  Principal,
  PRINCIPAL_HEADER,
  SIGNATURE_HEADER,
  SignedClaims,
  SignedRequest,
  signingInput,
} from './principal';

/**
 * The gateway's half (and the operator CLI's): signs one request's principal with an Ed25519
 * private key. Every call gets a fresh random id and an expiry a few seconds ahead, and the
 * signature covers method, path with query and body digest, so it authorizes that request only.
 */
export class PrincipalSigner {
  constructor(
    private readonly privateKey: KeyObject,
    private readonly ttlSeconds = MAX_PRINCIPAL_TTL_SECONDS,
  ) {
    if (privateKey.type !== 'private') throw new Error('PrincipalSigner needs a private key');
    if (ttlSeconds < 1 || ttlSeconds > MAX_PRINCIPAL_TTL_SECONDS) {
      throw new Error(`a principal lives 1 to ${MAX_PRINCIPAL_TTL_SECONDS} s`);
    }
  }

  sign(request: SignedRequest, principal: Principal, nowSeconds = Date.now() / 1000): Record<string, string> {
    const claims: SignedClaims = {
      ...principal,
      jti: randomIdPart(16),
      exp: Math.floor(nowSeconds) + this.ttlSeconds,
    };
    const encoded = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
    const signature = sign(null, signingInput(request, encoded), this.privateKey).toString('base64url');
    return { [PRINCIPAL_HEADER]: encoded, [SIGNATURE_HEADER]: signature };
  }
}
