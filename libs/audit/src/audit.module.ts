import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { AUDIT_OUTBOX_MODEL, auditOutboxSchema } from './audit-outbox.schema';
import { AuditOutboxRepository } from './audit-outbox.repository';
import { AuditRecorder } from './audit-recorder';
import { AuditInterceptor } from './audit.interceptor';

/**
 * Import once per service that changes account state: every admin mutation it answers is recorded
 * (AuditInterceptor); AuditRecorder is exported for changes made outside the admin routes (sign-in).
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: AUDIT_OUTBOX_MODEL, schema: auditOutboxSchema }])],
  providers: [AuditOutboxRepository, AuditRecorder, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
  exports: [AuditRecorder],
})
export class AuditModule {}
