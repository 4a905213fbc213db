import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@leadgate/contracts';
import { KafkaModule } from '@leadgate/kafka';
import { PrincipalSigner, SERVICE_CONFIG } from '@leadgate/service-kit';
import { AuthFailureThrottle } from './auth/auth-failure-throttle';
import { BearerAuthGuard } from './auth/bearer-auth.guard';
import { BearerStrategy } from './auth/bearer.strategy';
import { ConsoleRoute } from './console/console.route';
import { TokenVerifier } from './auth/token-verifier';
import { MeRoute } from './me/me.route';
import { InFlightLimits } from './rate-limit/in-flight-limits';
import { RateLimitService } from './rate-limit/rate-limit.service';
import { RateUsageSharing } from './rate-limit/shared/rate-usage-sharing';
import { GatewayController } from './routing/gateway.controller';
import { principalSignerFrom } from './routing/principal-signing';
import { UpstreamPools } from './routing/upstream-pools';
import { UpstreamProxy } from './routing/upstream-proxy';
import { SessionAuthenticator } from './sessions/session-authenticator';
import { SessionController } from './sessions/session.controller';
import { SessionVerifier } from './sessions/session-verifier';
import { TokenUsageRecorder } from './usage/token-usage.recorder';

/**
 * The edge. It keeps read models of token and credential state so it can authorize locally,
 * without a call per request, and serves nothing from a database of its own. Bodies on GET, HEAD
 * and DELETE are refused before routing (refuseBodiesOnBodilessMethods, an edge check in main.ts).
 */
@Module({})
export class GatewayModule {
  static register(): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        KafkaModule.forRoot({
          readModels: [
            TOPICS.identityTokens,
            TOPICS.identityCredentials,
            TOPICS.identityAccounts,
            TOPICS.identityUsers,
            TOPICS.identitySessions,
          ],
        }),
      ],
      // GET /v1/me is a plain Fastify route (MeRoute); the catch-all forwards the rest of /v1/*.
      controllers: [SessionController, GatewayController],
      providers: [
        TokenVerifier,
        BearerStrategy,
        BearerAuthGuard,
        MeRoute,
        ConsoleRoute,
        AuthFailureThrottle,
        RateLimitService,
        RateUsageSharing,
        InFlightLimits,
        TokenUsageRecorder,
        SessionVerifier,
        SessionAuthenticator,
        UpstreamPools,
        UpstreamProxy,
        { provide: PrincipalSigner, useFactory: principalSignerFrom, inject: [SERVICE_CONFIG] },
      ],
    };
  }
}
