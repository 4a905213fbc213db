import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '@leadgate/audit';
import { ACCOUNT_MODEL, accountSchema } from './accounts/account.schema';
import { AccountSettingsController } from './accounts/account-settings.controller';
import { AccountStatePublisher } from './accounts/account-state.publisher';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsRepository } from './accounts/accounts.repository';
import { AccountsService } from './accounts/accounts.service';
import { AUDIT_LOG_MODEL, auditLogSchema } from './audit-log/audit-log-entry.schema';
import { AuditLogConsumer } from './audit-log/audit-log.consumer';
import { AuditLogController } from './audit-log/audit-log.controller';
import { AuditLogRepository } from './audit-log/audit-log.repository';
import { CampaignReferences } from './campaign-references/campaign-references';
import { CREDENTIAL_MODEL, credentialSchema } from './credentials/credential.schema';
import { CredentialStatePublisher } from './credentials/credential-state.publisher';
import { CredentialsController } from './credentials/credentials.controller';
import { CredentialsRepository } from './credentials/credentials.repository';
import { CredentialsService } from './credentials/credentials.service';
import { ClientAuthenticator } from './oauth/client-authenticator';
import { OAuthController } from './oauth/oauth.controller';
import { OAuthMetadataController } from './oauth/oauth-metadata.controller';
import { OAuthService } from './oauth/oauth.service';
import { ScopesController } from './scopes/scopes.controller';
import { TokenUsageConsumer } from './token-usage/token-usage.consumer';
import { TokenUsageRepository } from './token-usage/token-usage.repository';
import { TOKEN_USAGE_MODEL, tokenUsageSchema } from './token-usage/token-usage.schema';
import { AccountTokensController } from './tokens/account-tokens.controller';
import { CampaignTokensController } from './tokens/campaign-tokens.controller';
import { TOKEN_MODEL, tokenSchema } from './tokens/token.schema';
import { TokenCreationService } from './tokens/token-creation.service';
import { TokenIssuer } from './tokens/token-issuer';
import { TokenManagementService } from './tokens/token-management.service';
import { TokenStatePublisher } from './tokens/token-state.publisher';
import { TokensRepository } from './tokens/tokens.repository';
import { AuthController } from './sessions/auth.controller';
import { SESSION_MODEL, sessionSchema } from './sessions/session.schema';
import { SessionStatePublisher } from './sessions/session-state.publisher';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionsService } from './sessions/sessions.service';
import { USER_MODEL, userSchema } from './users/user.schema';
import { UserStatePublisher } from './users/user-state.publisher';
import { UsersController } from './users/users.controller';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';

@Module({
  imports: [
    // Records every admin change identity makes, and sign-in, sign-out and accepted invitations.
    AuditModule,
    MongooseModule.forFeature([
      { name: ACCOUNT_MODEL, schema: accountSchema },
      { name: TOKEN_MODEL, schema: tokenSchema },
      { name: CREDENTIAL_MODEL, schema: credentialSchema },
      { name: TOKEN_USAGE_MODEL, schema: tokenUsageSchema },
      { name: USER_MODEL, schema: userSchema },
      { name: SESSION_MODEL, schema: sessionSchema },
      { name: AUDIT_LOG_MODEL, schema: auditLogSchema },
    ]),
  ],
  controllers: [
    AccountsController,
    AccountSettingsController,
    AccountTokensController,
    CampaignTokensController,
    CredentialsController,
    OAuthController,
    OAuthMetadataController,
    ScopesController,
    TokenUsageConsumer,
    UsersController,
    AuthController,
    AuditLogController,
    AuditLogConsumer,
  ],
  providers: [
    AccountsRepository,
    AccountsService,
    AccountStatePublisher,
    CampaignReferences,
    TokensRepository,
    TokenStatePublisher,
    TokenIssuer,
    TokenCreationService,
    TokenManagementService,
    CredentialsRepository,
    CredentialStatePublisher,
    CredentialsService,
    ClientAuthenticator,
    OAuthService,
    TokenUsageRepository,
    UsersRepository,
    UserStatePublisher,
    UsersService,
    SessionsRepository,
    SessionStatePublisher,
    SessionsService,
    AuditLogRepository,
  ],
})
export class IdentityFeaturesModule {}
