import { HttpStatus, Injectable } from '@nestjs/common';
import { Principal, ProblemException } from '@leadgate/service-kit';
import { randomBytes } from 'node:crypto';
import { CampaignSchemaEditor } from '@campaigns/campaign-schema/campaign-schema.editor';
import { addField, addRelation, addSelect, addStatus } from '@campaigns/campaign-schema/schema-mutations';
import { SchemaChangeRefused, SchemaPieces } from '@campaigns/campaign-schema/schema-pieces';
import { CampaignDocument } from '@campaigns/store/campaign.schema';
import { CampaignStatePublisher } from '@campaigns/publishers/campaign-state.publisher';
import { CampaignView, toCampaignView } from '@campaigns/store/campaign-view';
import { CampaignsRepository } from '@campaigns/store/campaigns.repository';
import { CreateCampaignDto, UpdateCampaignDto } from './create-campaign.dto';

/** API.md §6: a new campaign has one status, `new`, as its default, unless the body gives statuses. */
const DEFAULT_STATUS = { slug: 'new', label: 'New', is_default: true };

@Injectable()
export class CampaignsService {
  constructor(
    private readonly repository: CampaignsRepository,
    private readonly statePublisher: CampaignStatePublisher,
    private readonly editor: CampaignSchemaEditor,
  ) {}

  async create(accountId: string, body: CreateCampaignDto): Promise<CampaignView> {
    const now = new Date().toISOString();
    const document: CampaignDocument = {
      _id: `cmp_${randomBytes(12).toString('base64url')}`,
      account_id: accountId,
      name: body.name,
      ...initialPieces(body),
      receiver: { require_authentication: false },
      version: 1,
      publish_pending: true,
      deleted_at: null,
      created_at: now,
      updated_at: now,
    };
    await this.repository.insert(document);
    await this.statePublisher.publish(document);
    return toCampaignView(document);
  }

  async get(principal: Principal, id: string): Promise<CampaignView> {
    return toCampaignView(await this.editor.find(principal, id));
  }

  async list(accountId: string): Promise<CampaignView[]> {
    return (await this.repository.listInAccount(accountId, 500)).map(toCampaignView);
  }

  rename(principal: Principal, id: string, body: UpdateCampaignDto): Promise<CampaignView> {
    return this.editor.edit(principal, id, () => ({ name: body.name }));
  }

  /** Deleting publishes a tombstone: every read model forgets the campaign, so its tokens stop working. */
  async remove(principal: Principal, id: string): Promise<void> {
    await this.editor.edit(principal, id, () => ({ deleted_at: new Date().toISOString() }));
  }
}

/** Builds the pieces through the same checks as the piece endpoints (duplicates, one default status). */
function initialPieces(body: CreateCampaignDto): SchemaPieces {
  try {
    let pieces: SchemaPieces = { fields: [], selects: [], statuses: [], relations: [] };
    const statuses = body.statuses ?? [DEFAULT_STATUS];
    const hasDefault = statuses.some((status) => status.is_default);
    statuses.forEach((status, index) => {
      pieces = addStatus(pieces, { ...status, is_default: hasDefault ? status.is_default === true : index === 0 });
    });
    for (const field of body.fields ?? []) pieces = addField(pieces, field);
    for (const select of body.selects ?? []) pieces = addSelect(pieces, select);
    for (const relation of body.relations ?? []) pieces = addRelation(pieces, relation);
    return pieces;
  } catch (error) {
    if (!(error instanceof SchemaChangeRefused)) throw error;
    throw new ProblemException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'validation_failed',
      'Validation failed',
      error.message,
      [{ path: error.path ?? '(body)', message: error.message }],
    );
  }
}
