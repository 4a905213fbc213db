import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  generatePublicId,
  generateTokenString,
  hashSecret,
  parseTokenString,
  Role,
  secretMatches,
  tokenIdFor,
} from '@leadgate/auth-core';
import { AuditRecorder } from '@leadgate/audit';
import { Principal, ProblemException, SERVICE_CONFIG } from '@leadgate/service-kit';
import { IdentityConfig } from '@identity/config';
import { requireOperation } from '@identity/privilege/privilege-rule';
import { SessionsService } from '@identity/sessions/sessions.service';
import { AcceptInvitationBody, InviteUserBody, UpdateUserBody } from './dto/user-bodies';
import { hashPassword } from './password-hash';
import { emailKeyOf, UserDocument } from './user.schema';
import { requireAnOwnerLeft, requireRoleChangeAllowed, RoleChange } from './user-rules';
import { UserStatePublisher } from './user-state.publisher';
import { toUserView, UserView } from './user-view';
import { UserChanges, UsersRepository } from './users.repository';

const NOT_FOUND = () => new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such user.');
const CHANGE_ATTEMPTS = 5;

/** One answer for every way an invitation can fail, so the link reveals nothing about accounts. */
const INVALID_INVITATION = () =>
  new ProblemException(
    HttpStatus.BAD_REQUEST,
    'invalid_invitation',
    'Invalid invitation',
    'This invitation link is not valid: it was used already, it expired, or it was mistyped. Ask for a new one.',
  );

export type InvitedUserView = UserView & { invite_url: string };

/** People of an account (API.md §11): invitations, roles, removal, and the operator's first owner. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly publisher: UserStatePublisher,
    private readonly sessions: SessionsService,
    private readonly audit: AuditRecorder,
    @Inject(SERVICE_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async list(principal: Principal): Promise<UserView[]> {
    requireOperation(principal, 'users:read');
    return (await this.users.listLive(principal.account_id, 1000)).map(toUserView);
  }

  async get(principal: Principal, id: string): Promise<UserView> {
    requireOperation(principal, 'users:read');
    const user = await this.users.findLiveInAccount(principal.account_id, id);
    if (!user) throw NOT_FOUND();
    return toUserView(user);
  }

  /** A new person, invited: the link (shown once) carries a one-time secret in its fragment. */
  async invite(principal: Principal, body: InviteUserBody): Promise<InvitedUserView> {
    requireOperation(principal, 'users:write');
    requireRoleChangeAllowed(principal, await this.callerRole(principal), { from: null, to: body.role });
    const invitation = generateTokenString('invitation');
    const expiresAt = new Date(Date.now() + this.config.INVITATION_TTL_S * 1000).toISOString();
    const user = await this.create({
      // The invitation names the user it invites: the same public id.
      _id: tokenIdFor('invitation', invitation.publicId),
      account_id: principal.account_id,
      email: body.email,
      role: body.role,
      status: 'invited',
      password_hash: null,
      invitation: { sha256: hashSecret(invitation.secret), expires_at: expiresAt },
      created_by: principal.token_id,
    });
    const inviteUrl = `${this.config.PUBLIC_BASE_URL}/console/accept-invite#token=${invitation.token}`;
    return { ...toUserView(user), invite_url: inviteUrl };
  }

  async changeRole(principal: Principal, id: string, body: UpdateUserBody): Promise<UserView> {
    requireOperation(principal, 'users:write');
    const updated = await this.change(principal, id, (user) => ({ from: user.role, to: body.role }), {
      role: body.role,
    });
    return toUserView(updated);
  }

  /** Removes the person; their sessions end on every gateway with the user's tombstone. */
  async remove(principal: Principal, id: string): Promise<void> {
    requireOperation(principal, 'users:write');
    await this.change(principal, id, (user) => ({ from: user.role, to: null }), {
      removed_at: new Date().toISOString(),
      email_key: `removed:${id}`,
      invitation: null,
    });
    await this.sessions.endAllOf(id);
  }

  /** Sets the password of an invited person; the invitation works once. */
  async acceptInvitation(body: AcceptInvitationBody, clientIp: string | null): Promise<UserView> {
    const parsed = parseTokenString(body.token);
    if (!parsed.ok || parsed.kind !== 'invitation') throw INVALID_INVITATION();
    const user = await this.users.findLive(tokenIdFor('invitation', parsed.publicId));
    const invitation = user?.invitation;
    if (!user || user.status !== 'invited' || !invitation) throw INVALID_INVITATION();
    if (!secretMatches(parsed.secret, invitation.sha256) || Date.parse(invitation.expires_at) <= Date.now()) {
      throw INVALID_INVITATION();
    }
    const passwordHash = await hashPassword(body.password);
    const accepted = await this.users.update(user._id, user.version, {
      status: 'active',
      password_hash: passwordHash,
      invitation: null,
    });
    if (!accepted) throw INVALID_INVITATION();
    await this.publisher.publish(accepted);
    await this.audit.record({
      account_id: accepted.account_id,
      actor: { kind: 'user', id: accepted._id, name: accepted.email },
      action: 'users.accept_invitation',
      target: { type: 'users', id: accepted._id },
      campaign_id: null,
      client_ip: clientIp,
    });
    return toUserView(accepted);
  }

  /** The account's first owner, made by the operator's bootstrap (no invitation). */
  async bootstrapOwner(accountId: string, email: string, password: string, operator: string): Promise<UserView> {
    const user = await this.create({
      _id: tokenIdFor('invitation', generatePublicId()),
      account_id: accountId,
      email,
      role: 'owner',
      status: 'active',
      password_hash: await hashPassword(password),
      invitation: null,
      created_by: operator,
    });
    return toUserView(user);
  }

  /** Stores and publishes a new person; 409 when a live user has the e-mail already. */
  private async create(
    fields: Pick<
      UserDocument,
      '_id' | 'account_id' | 'email' | 'role' | 'status' | 'password_hash' | 'invitation' | 'created_by'
    >,
  ): Promise<UserDocument> {
    const now = new Date().toISOString();
    const user: UserDocument = {
      ...fields,
      email_key: emailKeyOf(fields.email),
      version: 1,
      publish_pending: true,
      created_at: now,
      updated_at: now,
      removed_at: null,
    };
    if (!(await this.users.insert(user))) {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'email_taken',
        'E-mail in use',
        'A person with this e-mail already has access to Leadgate.',
      );
    }
    await this.publisher.publish(user);
    return user;
  }

  /** The role of the person calling, or null for a token (tokens never count as owners). */
  private async callerRole(principal: Principal): Promise<Role | null> {
    if (principal.kind !== 'user') return null;
    return (await this.users.findLiveInAccount(principal.account_id, principal.token_id))?.role ?? null;
  }

  private async change(
    principal: Principal,
    id: string,
    roleChangeOf: (user: UserDocument) => RoleChange,
    changes: UserChanges,
  ): Promise<UserDocument> {
    const callerRole = await this.callerRole(principal);
    for (let attempt = 0; attempt < CHANGE_ATTEMPTS; attempt++) {
      const user = await this.users.findLiveInAccount(principal.account_id, id);
      if (!user) throw NOT_FOUND();
      const roleChange = roleChangeOf(user);
      requireRoleChangeAllowed(principal, callerRole, roleChange);
      if (user.status === 'active') requireAnOwnerLeft(roleChange, await this.users.countLiveOwners(user.account_id));
      const updated = await this.users.update(user._id, user.version, changes);
      if (!updated) continue;
      await this.publisher.publish(updated);
      return updated;
    }
    throw new ProblemException(HttpStatus.CONFLICT, 'conflict', 'Conflict', 'The user is being changed; try again.');
  }
}
