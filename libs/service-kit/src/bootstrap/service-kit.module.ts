import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ProblemFilter } from '../errors/problem.filter';
import { InternalPrincipalGuard } from '../internal-auth/internal-principal.guard';
import { PrincipalSigner } from '../internal-auth/principal';
import { SERVICE_CONFIG, ServiceContext } from './service-context';

/** Config, the principal signer/guard and the problem+json filter, available to every module. */
@Global()
@Module({})
export class ServiceKitModule {
  static forRoot(context: ServiceContext): DynamicModule {
    return {
      module: ServiceKitModule,
      providers: [
        { provide: SERVICE_CONFIG, useValue: context.config },
        { provide: PrincipalSigner, useValue: new PrincipalSigner(context.config.INTERNAL_SIGNING_KEY) },
        InternalPrincipalGuard,
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
      exports: [SERVICE_CONFIG, PrincipalSigner, InternalPrincipalGuard],
    };
  }
}
