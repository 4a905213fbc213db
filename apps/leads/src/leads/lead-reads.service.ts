import { HttpStatus, Injectable } from '@nestjs/common';
import { Principal, ProblemException } from '@leadgate/service-kit';
import { LeadScope, LeadScopeService } from '@leads/scope/lead-scope.service';
import { LeadDocument } from '@leads/store/lead.schema';
import { filterable, LeadView } from '@leads/store/lead-view';
import { LeadsRepository } from '@leads/store/leads.repository';
import { lastBucket } from '@leads/store/list-buckets';
import { ListSequencesRepository } from '@leads/store/list-sequences.repository';
import { readPage } from './list-pages';
import { encodeCursor, parseListQuery } from './list-query';
import { leadViewFor } from './lead-answers';

export const leadNotFound = () => new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such lead.');

/** Reads within the caller's scope: a lead outside the token's filter does not exist for it (404). */
@Injectable()
export class LeadReadsService {
  constructor(
    private readonly scopes: LeadScopeService,
    private readonly leads: LeadsRepository,
    private readonly sequences: ListSequencesRepository,
  ) {}

  async get(principal: Principal, campaignId: string, id: string): Promise<LeadDocument> {
    const scope = this.scopes.resolve(principal, campaignId);
    return this.findInScope(scope, id);
  }

  /** One lead as the caller reads it (its field access applied). */
  async view(principal: Principal, campaignId: string, id: string): Promise<LeadView> {
    const scope = this.scopes.resolve(principal, campaignId);
    return leadViewFor(scope.projection, await this.findInScope(scope, id));
  }

  async findInScope(scope: LeadScope, id: string): Promise<LeadDocument> {
    const lead = await this.leads.findInCampaign(scope.campaign.id, id);
    if (!lead || (scope.compiled && !scope.compiled.matches(filterable(lead)))) throw leadNotFound();
    return lead;
  }

  async list(principal: Principal, campaignId: string, params: Record<string, unknown>) {
    const scope = this.scopes.resolve(principal, campaignId);
    const parsed = parseListQuery(params, scope.campaign, scope.access);
    if (!parsed.ok) {
      throw new ProblemException(
        HttpStatus.BAD_REQUEST,
        'bad_query',
        'Bad query',
        'Some query parameters are not valid here; see errors.',
        parsed.errors,
      );
    }
    const { conditions, limit, after } = parsed.query;
    const inScope = scope.compiled ? [scope.compiled.query, ...conditions] : conditions;
    const last = lastBucket(await this.sequences.numbered(campaignId));
    const page = await readPage(
      (bucket, afterLead, bucketLimit) =>
        this.leads.listBucket({ campaignId, bucket, conditions: inScope, after: afterLead, limit: bucketLimit }),
      last,
      after,
      limit,
    );
    const data = page.leads.map((lead) => leadViewFor(scope.projection, lead));
    return { data, next_cursor: page.next ? encodeCursor(page.next) : null };
  }
}
