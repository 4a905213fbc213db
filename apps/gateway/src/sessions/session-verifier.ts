import { HttpStatus, Injectable } from '@nestjs/common';
import { parseTokenString, scopesOfRole, secretMatches, tokenIdFor } from '@leadgate/auth-core';
import { SessionStateV1, TOPICS, UserStateV1 } from '@leadgate/contracts';
import { ReadModels } from '@leadgate/kafka';
import { ProblemException } from '@leadgate/service-kit';
import { Caller } from '@gateway/auth/caller';

export type SessionRefusal = 'malformed' | 'unknown' | 'ended';

export type SessionCheck =
  | { ok: true; caller: Caller & { kind: 'user' }; session: SessionStateV1; user: UserStateV1; secret: string }
  | { ok: false; reason: SessionRefusal };

/**
 * Checks a console session cookie locally, from this gateway's read models of sessions and people,
 * exactly as tokens are checked: shape and checksum, the session by id, its secret hash in constant
 * time, sign-out, idle and maximum expiry, and that its person is still an active member of the
 * same account (a removed person's tombstone ends every session at once). The role gives the scopes.
 */
@Injectable()
export class SessionVerifier {
  constructor(private readonly readModels: ReadModels) {}

  verify(presented: string, now = Date.now()): SessionCheck {
    const parsed = parseTokenString(presented);
    if (!parsed.ok || parsed.kind !== 'session') return { ok: false, reason: 'malformed' };
    const sessions = this.readModels.of(TOPICS.identitySessions);
    const users = this.readModels.of(TOPICS.identityUsers);
    if (!sessions.fresh || !users.fresh) {
      throw new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'auth_unavailable',
        'Authorization unavailable',
        'The gateway cannot confirm session state right now; try again shortly.',
        undefined,
        { 'Retry-After': '2' },
      );
    }
    const session = sessions.get(tokenIdFor('session', parsed.publicId));
    if (!session || !secretMatches(parsed.secret, session.secret_sha256)) return { ok: false, reason: 'unknown' };
    const ended =
      session.revoked_at !== null ||
      Date.parse(session.expires_at) <= now ||
      Date.parse(session.idle_expires_at) <= now;
    const user = users.get(session.user_id);
    if (ended || !user || user.status !== 'active' || user.account_id !== session.account_id) {
      return { ok: false, reason: 'ended' };
    }
    const caller = {
      id: user.id,
      kind: 'user' as const,
      name: user.email,
      account_id: user.account_id,
      scopes: [...scopesOfRole(user.role)],
      campaign_id: null,
      filter_id: null,
      credential_id: null,
      rate_limit_per_minute: null,
      session_id: session.id,
    };
    return { ok: true, caller, session, user, secret: parsed.secret };
  }
}
