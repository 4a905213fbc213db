import { Module } from '@nestjs/common';
import { SecretBox } from './secret-box';

/** The sealing of webhook secrets (ADR 020), for the subscriptions and the sender. */
@Module({ providers: [SecretBox], exports: [SecretBox] })
export class SecretsModule {}
