import { Inject, Injectable } from '@nestjs/common';
import { AuditEntryV1, TOPICS } from '@leadgate/contracts';
import { KafkaPublisher, StateOutboxService } from '@leadgate/kafka';
import { currentRequestId, ROOT_LOGGER, ServiceInfo } from '@leadgate/observability';
import { Logger } from 'pino';
import { randomBytes } from 'node:crypto';
import { AuditOutboxDocument } from './audit-outbox.schema';
import { AuditOutboxRepository } from './audit-outbox.repository';

/** How often entries Kafka did not acknowledge are tried again. */
const SWEEP_INTERVAL_MS = 5000;

/** What the caller says; the id, the time, the request id and the service are the recorder's. */
export type NewAuditEntry = Omit<AuditEntryV1, 'id' | 'at' | 'request_id' | 'service'>;

/**
 * Records audit entries (API.md §11) through an outbox: stored in the service's own database first,
 * then published on `platform.audit.v1`; what Kafka does not take now, the sweep publishes later.
 * Recording never fails the call it records: the change is made already.
 */
@Injectable()
export class AuditRecorder extends StateOutboxService<typeof TOPICS.audit, AuditOutboxDocument> {
  constructor(
    publisher: KafkaPublisher,
    private readonly entries: AuditOutboxRepository,
    private readonly info: ServiceInfo,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    super(TOPICS.audit, entries, (document) => document.entry, {
      publisher,
      logger,
      sweepIntervalMs: SWEEP_INTERVAL_MS,
    });
  }

  async record(entry: NewAuditEntry): Promise<void> {
    const id = `aud_${randomBytes(12).toString('base64url')}`;
    const document: AuditOutboxDocument = {
      _id: id,
      version: 1,
      publish_pending: true,
      entry: {
        id,
        at: new Date().toISOString(),
        ...entry,
        request_id: currentRequestId() ?? null,
        service: this.info.name,
      },
    };
    try {
      await this.entries.insert(document);
    } catch (error) {
      this.logger.error({ err: error, action: entry.action }, 'audit entry could not be stored');
      return;
    }
    await this.publish(document).catch(() => undefined);
  }
}
