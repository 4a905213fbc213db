import { KeyObject, verify } from 'node:crypto';
import {
  MAX_PRINCIPAL_TTL_SECONDS,
  Principal,
  SignedClaims,
  signedClaimsSchema,
  SignedRequest,
  signingInput,
} from './principal';
import { ReplayCache } from './replay-cache';

/** Clock difference between the gateway's host and a service's that an expiry may show. */
const CLOCK_SKEW_SECONDS = 5;

export interface PrincipalVerifierKeys {
  /** The gateway's public keys (several during a rotation). Never accepted for 'service' principals. */
  gateway: KeyObject[];
  /** The operator CLI's public keys: the only signers of 'service' principals (identity's bootstrap). */
  operator?: KeyObject[];
}

/**
 * The services' half: public keys only, so no service can speak for the gateway or for another
 * service. A principal is accepted once: its signature matches this very request (method, path with
 * query, body digest), it has not expired, its expiry is no further ahead than a signer may set, and
 * its id was not seen before in this process.
 */
export class PrincipalVerifier {
  private readonly replays: ReplayCache;

  constructor(
    private readonly keys: PrincipalVerifierKeys,
    replayCapacity?: number,
  ) {
    this.replays = new ReplayCache(replayCapacity);
  }

  /** The principal, or null when the headers are missing, forged, malformed, expired or replayed. */
  verify(request: SignedRequest, encoded: unknown, signature: unknown, nowSeconds = Date.now() / 1000) {
    if (typeof encoded !== 'string' || typeof signature !== 'string') return null;
    if (encoded.length > 8192 || !/^[A-Za-z0-9_-]{86}$/.test(signature)) return null;
    const claims = decode(encoded);
    if (!claims) return null;
    const input = signingInput(request, encoded);
    const bytes = Buffer.from(signature, 'base64url');
    // Who may sign what: the gateway every caller kind but 'service', the operator 'service' only.
    const signers = claims.kind === 'service' ? (this.keys.operator ?? []) : this.keys.gateway;
    if (!signers.some((key) => verify(null, input, key, bytes))) return null;
    if (claims.exp < nowSeconds || claims.exp > nowSeconds + MAX_PRINCIPAL_TTL_SECONDS + CLOCK_SKEW_SECONDS) {
      return null;
    }
    if (!this.replays.claim(claims.jti, claims.exp, nowSeconds)) return null;
    return principalOf(claims);
  }
}

/** The principal without the signature's own claims (jti, exp). */
function principalOf(claims: SignedClaims): Principal {
  const principal: Partial<SignedClaims> = { ...claims };
  delete principal.jti;
  delete principal.exp;
  return principal as Principal;
}

function decode(encoded: string): SignedClaims | null {
  try {
    const parsed = signedClaimsSchema.safeParse(JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
