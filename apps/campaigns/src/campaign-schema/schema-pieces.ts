import { CampaignSchemaStateV1 } from '@leadgate/contracts';

/** The editable parts of a campaign's schema. */
export type SchemaPieces = Pick<CampaignSchemaStateV1, 'fields' | 'selects' | 'statuses' | 'relations'>;

export type FieldDefinition = SchemaPieces['fields'][number];
export type SelectDefinition = SchemaPieces['selects'][number];
export type SelectOption = SelectDefinition['options'][number];
export type StatusDefinition = SchemaPieces['statuses'][number];
export type RelationDefinition = SchemaPieces['relations'][number];

/** Why a schema change was refused; the service turns it into a problem response. */
export class SchemaChangeRefused extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'SchemaChangeRefused';
  }
}

export const notFound = (what: string) => new SchemaChangeRefused(404, `No such ${what}.`);
export const duplicate = (what: string, path: string) => new SchemaChangeRefused(409, `${what} already exists.`, path);
