import { HttpStatus, Injectable } from '@nestjs/common';
import { CampaignSchemaStateV1 } from '@leadgate/contracts';
import { ProblemException } from '@leadgate/service-kit';
import { randomBytes } from 'node:crypto';
import { CampaignDocument } from './campaign.schema';
import { CampaignStatePublisher, toCampaignState } from './campaign-state.publisher';
import { CampaignsRepository } from './campaigns.repository';
import { CreateCampaignDto } from './dto/create-campaign.dto';

export type CampaignView = CampaignSchemaStateV1 & { created_at: string };

@Injectable()
export class CampaignsService {
  constructor(
    private readonly repository: CampaignsRepository,
    private readonly statePublisher: CampaignStatePublisher,
  ) {}

  async create(accountId: string, body: CreateCampaignDto): Promise<CampaignView> {
    const now = new Date().toISOString();
    const document: CampaignDocument = {
      _id: `cmp_${randomBytes(12).toString('base64url')}`,
      account_id: accountId,
      name: body.name,
      fields: [],
      selects: [],
      // API.md §6: a new campaign has one status, `new`, as its default.
      statuses: [{ slug: 'new', label: 'New', is_default: true, order: 0 }],
      relations: [],
      receiver: { require_authentication: false },
      version: 1,
      publish_pending: true,
      created_at: now,
      updated_at: now,
    };
    await this.repository.insert(document);
    await this.statePublisher.publish(document);
    return toView(document);
  }

  async get(accountId: string, id: string): Promise<CampaignView> {
    const document = await this.repository.findInAccount(accountId, id);
    if (!document) {
      throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such campaign.');
    }
    return toView(document);
  }

  async list(accountId: string): Promise<CampaignView[]> {
    return (await this.repository.listInAccount(accountId, 500)).map(toView);
  }
}

function toView(document: CampaignDocument): CampaignView {
  return { ...toCampaignState(document), created_at: document.created_at };
}
