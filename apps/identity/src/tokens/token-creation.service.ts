import { Inject, Injectable } from '@nestjs/common';
import { isAccountPreset, parseCampaignPermissions, parseScopeList, scopesForPreset } from '@leadgate/auth-core';
import { FieldAccess } from '@leadgate/contracts';
import { Principal, SERVICE_CONFIG } from '@leadgate/service-kit';
import { CampaignReferences } from '@identity/campaign-references/campaign-references';
import { IdentityConfig } from '@identity/config';
import { CreateAccountTokenBody, CreateCampaignTokenBody } from './dto/token-bodies';
import { requirePrivilege } from '@identity/privilege/privilege-rule';
import { expiryProblems, validationProblem } from './scope-rules';
import { checkFieldAccess } from './token-field-access';
import { TokenIssuer } from './token-issuer';
import { toTokenView, TokenView } from './token-view';

export type CreatedTokenView = TokenView & { token: string };

@Injectable()
export class TokenCreationService {
  constructor(
    private readonly issuer: TokenIssuer,
    private readonly campaigns: CampaignReferences,
    @Inject(SERVICE_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async createAccountToken(principal: Principal, body: CreateAccountTokenBody): Promise<CreatedTokenView> {
    const problems = expiryProblems(body.expires_at);
    let scopes: string[] = [];
    if (body.preset !== undefined) {
      if (isAccountPreset(body.preset)) scopes = scopesForPreset(body.preset);
      else problems.push({ path: 'preset', message: `unknown preset ${body.preset}` });
    } else {
      const parsed = parseScopeList(body.scopes ?? []);
      if (parsed.ok) scopes = parsed.scopes;
      else problems.push(...parsed.unknown.map((scope) => ({ path: 'scopes', message: `unknown scope ${scope}` })));
    }
    if (problems.length > 0) throw validationProblem(problems);
    requirePrivilege(principal, 'tokens:write', { what: 'the new token', scopes });
    return this.issue(principal, {
      kind: 'account',
      name: body.name,
      scopes,
      permissions: null,
      campaign_id: null,
      filter_id: null,
      expires_at: body.expires_at ?? null,
      rate_limit_per_minute: body.rate_limit_per_minute ?? null,
    });
  }

  async createCampaignToken(
    principal: Principal,
    campaignId: string,
    body: CreateCampaignTokenBody,
  ): Promise<CreatedTokenView> {
    const problems = expiryProblems(body.expires_at);
    const permissions = parseCampaignPermissions(body.permissions);
    if (!permissions.ok) problems.push({ path: 'permissions', message: permissions.message });
    const filterId = body.filter_id ?? null;
    const referenceProblems = await this.campaigns.problems(principal.account_id, campaignId, filterId);
    problems.push(...referenceProblems);
    // Checked against the campaign only once it is known to be one of this account.
    let fieldAccess: FieldAccess = { hidden: [], masked: [], read_only: [] };
    if (body.field_access && permissions.ok && !referenceProblems.some((problem) => problem.path === 'campaign_id')) {
      const writes = permissions.permissions.includes('write');
      const checked = await checkFieldAccess(
        this.campaigns,
        principal.account_id,
        campaignId,
        body.field_access,
        writes,
      );
      if (checked.ok) fieldAccess = checked.access;
      else problems.push(...checked.problems);
    }
    if (problems.length > 0 || !permissions.ok) throw validationProblem(problems);
    const scopes = permissions.scopes;
    requirePrivilege(principal, 'tokens:write', { what: 'the new token', scopes });
    return this.issue(principal, {
      kind: 'campaign',
      name: body.name,
      scopes,
      permissions: permissions.permissions,
      campaign_id: campaignId,
      filter_id: filterId,
      field_access: fieldAccess,
      expires_at: body.expires_at ?? null,
      rate_limit_per_minute: body.rate_limit_per_minute ?? null,
    });
  }

  private async issue(
    principal: Principal,
    fields: Omit<Parameters<TokenIssuer['issue']>[0], 'account_id' | 'credential_id' | 'created_by'>,
  ): Promise<CreatedTokenView> {
    const { document, token } = await this.issuer.issue({
      ...fields,
      account_id: principal.account_id,
      credential_id: null,
      created_by: principal.token_id,
    });
    // Its creator covers it (the privilege rule let it be made), so the docs link is shown.
    return { ...toTokenView(document, this.config.PUBLIC_BASE_URL, { showDocsUrl: true }), token };
  }
}
