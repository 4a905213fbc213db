import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { csrfTokenFor, generateTokenString, hashSecret, tokenIdFor } from '@leadgate/auth-core';
import { AuditRecorder } from '@leadgate/audit';
import { ProblemException, SERVICE_CONFIG } from '@leadgate/service-kit';
import { IdentityConfig } from '@identity/config';
import { AccountsRepository } from '@identity/accounts/accounts.repository';
import { LoginBody } from '@identity/users/dto/user-bodies';
import { decoyHash, passwordMatches } from '@identity/users/password-hash';
import { emailKeyOf } from '@identity/users/user.schema';
import { toUserView, UserView } from '@identity/users/user-view';
import { UsersRepository } from '@identity/users/users.repository';
import { FailureWindow } from './login-throttle';
import { SessionDocument } from './session.schema';
import { SessionStatePublisher } from './session-state.publisher';
import { SessionsRepository } from './sessions.repository';

/** Failures allowed per e-mail, and per client address, in LOGIN_WINDOW_MS. */
const FAILURES_PER_EMAIL = 5;
const FAILURES_PER_ADDRESS = 20;
const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** An idle deadline moves (and is republished) only when it would move by more than this. */
const TOUCH_GRANULARITY_MS = 60 * 1000;

export interface SignedIn {
  /** The session string, for the gateway's cookie only (never in a body or a log). */
  session: string;
  answer: { user: UserView; account: { id: string; name: string }; csrf_token: string };
}

const WRONG_CREDENTIALS = () =>
  new ProblemException(
    HttpStatus.UNAUTHORIZED,
    'invalid_credentials',
    'Sign-in failed',
    'The e-mail or the password is wrong.',
  );

/** Console sessions (API.md §11): sign-in, sign-out, idle expiry, and ending a removed person's sessions. */
@Injectable()
export class SessionsService {
  private readonly emailFailures = new FailureWindow(FAILURES_PER_EMAIL, LOGIN_WINDOW_MS);
  private readonly addressFailures = new FailureWindow(FAILURES_PER_ADDRESS, LOGIN_WINDOW_MS);

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
    private readonly accounts: AccountsRepository,
    private readonly publisher: SessionStatePublisher,
    private readonly audit: AuditRecorder,
    @Inject(SERVICE_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async login(body: LoginBody, clientIp: string | null): Promise<SignedIn> {
    const emailKey = emailKeyOf(body.email);
    const addressKey = clientIp ?? 'unknown';
    this.refuseWhileThrottled(emailKey, addressKey);
    const user = await this.users.findByEmailKey(emailKey);
    const usable = user !== null && user.status === 'active' && user.password_hash !== null;
    // Unknown e-mail or not: one scrypt either way, so timing does not tell which.
    const matches = await passwordMatches(body.password, usable ? (user.password_hash as string) : await decoyHash());
    const account = usable && matches ? await this.accounts.findById(user.account_id) : null;
    if (!usable || !matches || !account) {
      this.emailFailures.recordFailure(emailKey);
      this.addressFailures.recordFailure(addressKey);
      throw WRONG_CREDENTIALS();
    }
    this.emailFailures.clear(emailKey);
    const generated = generateTokenString('session');
    const now = Date.now();
    const session: SessionDocument = {
      _id: tokenIdFor('session', generated.publicId),
      account_id: user.account_id,
      user_id: user._id,
      secret_sha256: hashSecret(generated.secret),
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + this.config.SESSION_MAX_S * 1000).toISOString(),
      idle_expires_at: new Date(now + this.config.SESSION_IDLE_S * 1000).toISOString(),
      revoked_at: null,
      version: 1,
      publish_pending: true,
      updated_at: new Date(now).toISOString(),
    };
    await this.sessions.insert(session);
    await this.publisher.publish(session);
    await this.recordOf(session, user.email, 'sessions.create', clientIp);
    return {
      session: generated.token,
      answer: {
        user: toUserView(user),
        account: { id: account._id, name: account.name },
        csrf_token: csrfTokenFor(generated.secret),
      },
    };
  }

  /** Ends one session (sign-out); ending it again changes nothing. */
  async end(sessionId: string, actorName: string | null, clientIp: string | null): Promise<void> {
    const session = await this.sessions.findById(sessionId);
    if (!session) return;
    await this.revoke(session);
    await this.recordOf(session, actorName, 'sessions.delete', clientIp);
  }

  /** Sign-in and sign-out are changes in the account too (API.md §11): the person is the actor. */
  private recordOf(session: SessionDocument, actorName: string | null, action: string, clientIp: string | null) {
    return this.audit.record({
      account_id: session.account_id,
      actor: { kind: 'user', id: session.user_id, name: actorName },
      action,
      target: { type: 'sessions', id: session._id },
      campaign_id: null,
      client_ip: clientIp,
    });
  }

  async endAllOf(userId: string): Promise<void> {
    for (const session of await this.sessions.findLiveOfUser(userId)) await this.revoke(session);
  }

  /** A gateway saw the session used at `usedAt`: its idle deadline moves on (never past expires_at). */
  async touch(sessionId: string, usedAt: string): Promise<void> {
    const session = await this.sessions.findById(sessionId);
    if (!session || session.revoked_at !== null) return;
    const idle = Math.min(Date.parse(usedAt) + this.config.SESSION_IDLE_S * 1000, Date.parse(session.expires_at));
    if (idle - Date.parse(session.idle_expires_at) < TOUCH_GRANULARITY_MS) return;
    const touched = await this.sessions.update(session._id, session.version, {
      idle_expires_at: new Date(idle).toISOString(),
    });
    if (touched) await this.publisher.publish(touched);
  }

  private async revoke(session: SessionDocument): Promise<void> {
    let current: SessionDocument | null = session;
    while (current && current.revoked_at === null) {
      const revoked = await this.sessions.update(current._id, current.version, {
        revoked_at: new Date().toISOString(),
      });
      if (revoked) {
        await this.publisher.publish(revoked);
        return;
      }
      current = await this.sessions.findById(session._id);
    }
  }

  private refuseWhileThrottled(emailKey: string, addressKey: string): void {
    const retryAfter = Math.max(
      this.emailFailures.retryAfterSeconds(emailKey),
      this.addressFailures.retryAfterSeconds(addressKey),
    );
    if (retryAfter === 0) return;
    throw new ProblemException(
      HttpStatus.TOO_MANY_REQUESTS,
      'rate_limited',
      'Too many sign-in attempts',
      `Too many failed sign-ins; try again in ${retryAfter} s.`,
      undefined,
      { 'Retry-After': String(retryAfter) },
    );
  }
}
