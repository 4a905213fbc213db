import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ProblemFilter } from '@leadgate/service-kit/errors/problem.filter';
import { InternalPrincipalGuard } from '@leadgate/service-kit/internal-auth/internal-principal.guard';
import { parsePublicKeys } from '@leadgate/service-kit/internal-auth/principal-keys';
import { PrincipalVerifier } from '@leadgate/service-kit/internal-auth/principal-verifier';
import { SERVICE_CONFIG, ServiceContext } from './service-context';

/** Config, the principal verifier/guard and the problem+json filter, available to every module. */
@Global()
@Module({})
export class ServiceKitModule {
  static forRoot(context: ServiceContext): DynamicModule {
    const { PRINCIPAL_VERIFY_KEY, OPERATOR_VERIFY_KEY } = context.config;
    const verifier = new PrincipalVerifier({
      gateway: parsePublicKeys(PRINCIPAL_VERIFY_KEY),
      operator: OPERATOR_VERIFY_KEY ? parsePublicKeys(OPERATOR_VERIFY_KEY) : [],
    });
    return {
      module: ServiceKitModule,
      providers: [
        { provide: SERVICE_CONFIG, useValue: context.config },
        { provide: PrincipalVerifier, useValue: verifier },
        InternalPrincipalGuard,
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
      exports: [SERVICE_CONFIG, PrincipalVerifier, InternalPrincipalGuard],
    };
  }
}
