import { HttpStatus, Injectable } from '@nestjs/common';
import {
  clientIdFor,
  generateTokenString,
  hashSecret,
  isScopeGroup,
  ScopeGroup,
  scopesForGroups,
  tokenIdFor,
} from '@leadgate/auth-core';
import { Principal, ProblemException } from '@leadgate/service-kit';
import { requirePrivilege } from '@identity/privilege/privilege-rule';
import { validationProblem } from '@identity/tokens/scope-rules';
import { TokenManagementService } from '@identity/tokens/token-management.service';
import { CredentialDocument } from './credential.schema';
import { CredentialStatePublisher, toCredentialState } from './credential-state.publisher';
import { CredentialsRepository } from './credentials.repository';
import { CreateCredentialBody } from './dto/credential-bodies';

export type CredentialView = ReturnType<typeof toCredentialState> & { created_at: string };

function toView(credential: CredentialDocument): CredentialView {
  return { ...toCredentialState(credential), created_at: credential.created_at };
}

/** OAuth2 client credentials: scope groups fixed for life, enable and disable. */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly repository: CredentialsRepository,
    private readonly statePublisher: CredentialStatePublisher,
    private readonly tokens: TokenManagementService,
  ) {}

  async create(principal: Principal, body: CreateCredentialBody): Promise<CredentialView & { client_secret: string }> {
    const unknown = body.scope_groups.filter((group) => !isScopeGroup(group));
    if (unknown.length > 0) {
      throw validationProblem(
        unknown.map((group) => ({ path: 'scope_groups', message: `unknown scope group ${group}` })),
      );
    }
    const groups = [...new Set(body.scope_groups)] as ScopeGroup[];
    requirePrivilege(principal, 'credentials:write', { what: 'the new credential', scopes: scopesForGroups(groups) });
    const secret = generateTokenString('client_secret');
    const now = new Date().toISOString();
    const credential: CredentialDocument = {
      _id: tokenIdFor('client_secret', secret.publicId),
      account_id: principal.account_id,
      client_id: clientIdFor(secret.publicId),
      description: body.description,
      scope_groups: groups,
      enabled: true,
      secret_sha256: hashSecret(secret.secret),
      version: 1,
      publish_pending: true,
      created_at: now,
      created_by: principal.token_id,
      updated_at: now,
    };
    await this.repository.insert(credential);
    await this.statePublisher.publish(credential);
    return { ...toView(credential), client_secret: secret.token };
  }

  /** Credentials carry nothing secret-bearing (the secret is only hashed), so every caller allowed to list sees all. */
  async list(principal: Principal): Promise<CredentialView[]> {
    return (await this.repository.list(principal.account_id, 1000)).map(toView);
  }

  /**
   * Only a caller covering the credential's scope groups may switch it (the privilege rule).
   * Disabling publishes the credential's new state (gateways refuse its access tokens from then on)
   * and also revokes the access tokens issued from it, so they stay dead if it is enabled again.
   */
  async setEnabled(principal: Principal, id: string, enabled: boolean): Promise<CredentialView> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const credential = await this.repository.findInAccount(principal.account_id, id);
      if (!credential)
        throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such credential.');
      requirePrivilege(principal, 'credentials:write', {
        what: 'this credential',
        scopes: scopesForGroups(credential.scope_groups),
      });
      if (credential.enabled === enabled) {
        // Disabling twice sweeps again: an access token issued in a race with the first one dies too.
        if (!enabled) await this.tokens.revokeAccessTokensOf(credential._id);
        return toView(credential);
      }
      const updated = await this.repository.setEnabled(credential._id, credential.version, enabled);
      if (!updated) continue;
      await this.statePublisher.publish(updated);
      if (!enabled) await this.tokens.revokeAccessTokensOf(updated._id);
      return toView(updated);
    }
    throw new ProblemException(
      HttpStatus.CONFLICT,
      'conflict',
      'Conflict',
      'The credential is being changed; try again.',
    );
  }
}
