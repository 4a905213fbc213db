import { TokenStateV1 } from '@leadgate/contracts';
import { ProblemException } from '@leadgate/service-kit';
import { CampaignStatePublisher } from '@campaigns/publishers/campaign-state.publisher';
import { CampaignDocument } from '@campaigns/store/campaign.schema';
import { CampaignChanges, CampaignsRepository } from '@campaigns/store/campaigns.repository';
import { FiltersRepository } from '@campaigns/store/filters.repository';
import { isLiveToken } from '@leadgate/contracts';
import { TokenStates } from '@campaigns/store/token-states';
import { CampaignSchemaEditor } from './campaign-schema.editor';
import { changeField, removeField } from './schema-mutations';

const principal = {
  token_id: 'tok_admin',
  account_id: 'acc_1',
  kind: 'account' as const,
  scopes: ['admin'],
  campaign_id: null,
  filter_id: null,
};

const campaign: CampaignDocument = {
  _id: 'cmp_1',
  account_id: 'acc_1',
  name: 'Heat pumps',
  fields: [
    { key: 'name', label: 'Name', type: 'text', required: true },
    { key: 'email', label: 'E-mail', type: 'email', required: false },
    { key: 'phone', label: 'Phone', type: 'phone', required: false },
    { key: 'notes', label: 'Notes', type: 'textarea', required: false },
  ],
  selects: [],
  statuses: [{ slug: 'new', label: 'New', order: 0, is_default: true }],
  relations: [],
  receiver: { require_authentication: false },
  version: 3,
  publish_pending: false,
  deleted_at: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

function token(overrides: Partial<TokenStateV1>): TokenStateV1 {
  return {
    id: 'tok_partner',
    account_id: 'acc_1',
    kind: 'campaign',
    name: 'Partner ABC',
    scopes: ['leads:read', 'files:read', 'campaigns:read', 'leads:write', 'files:write'],
    permissions: ['read', 'write'],
    campaign_id: 'cmp_1',
    filter_id: null,
    field_access: { hidden: ['phone'], masked: [], read_only: [] },
    credential_id: null,
    secret_hashes: [],
    docs_key: null,
    previous_docs_keys: [],
    expires_at: null,
    revoked_at: null,
    rate_limit_per_minute: null,
    version: 1,
    updated_at: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function editorWith(tokens: TokenStateV1[]) {
  const updates: CampaignChanges[] = [];
  const campaigns = {
    findInAccount: async () => campaign,
    update: async (_id: string, version: number, changes: CampaignChanges) => {
      updates.push(changes);
      return { ...campaign, ...changes, version: version + 1 };
    },
  } as unknown as CampaignsRepository;
  const filters = { listInCampaign: async () => [] } as unknown as FiltersRepository;
  const publisher = { publish: async () => undefined } as unknown as CampaignStatePublisher;
  const states = {
    live: (where: (token: TokenStateV1) => boolean) => tokens.filter((item) => where(item) && isLiveToken(item)),
  } as unknown as TokenStates;
  return { editor: new CampaignSchemaEditor(campaigns, filters, publisher, states), updates };
}

async function refusal(promise: Promise<unknown>): Promise<ProblemException> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ProblemException)) throw new Error(`expected a problem, got ${String(error)}`);
  return error;
}

describe('CampaignSchemaEditor and live tokens\u2019 field access', () => {
  it('refuses to remove a field a live token hides: 409 used_by_token naming it, nothing stored', async () => {
    const { editor, updates } = editorWith([token({})]);
    const error = await refusal(editor.edit(principal, 'cmp_1', (c) => ({ fields: removeField(c, 'phone').fields })));
    expect(error.getStatus()).toBe(409);
    expect(error.problemType).toBe('used_by_token');
    expect(error.message).toContain('Partner ABC (tok_partner)');
    expect(error.errors).toEqual([
      { path: 'field_access.hidden.0', message: 'Partner ABC (tok_partner): no field "phone" in this campaign' },
    ]);
    expect(updates).toEqual([]);
  });

  it('refuses to make a field required while a writing token has it read-only, and allows it for a reader', async () => {
    const readOnly = { hidden: [], masked: [], read_only: ['notes'] };
    const makeRequired = (c: CampaignDocument) => ({ fields: changeField(c, 'notes', { required: true }).fields });
    const writer = editorWith([token({ field_access: readOnly })]);
    expect((await refusal(writer.editor.edit(principal, 'cmp_1', makeRequired))).problemType).toBe('used_by_token');
    const reader = editorWith([token({ field_access: readOnly, permissions: ['read'] })]);
    await expect(reader.editor.edit(principal, 'cmp_1', makeRequired)).resolves.toMatchObject({ version: 4 });
  });

  it('lets the change through once the token is revoked or expired, or when it belongs to another campaign', async () => {
    const remove = (c: CampaignDocument) => ({ fields: removeField(c, 'phone').fields });
    for (const other of [
      token({ revoked_at: '2026-01-02T00:00:00.000Z' }),
      token({ expires_at: '2020-01-01T00:00:00.000Z' }),
      token({ campaign_id: 'cmp_2' }),
      token({ field_access: null }),
    ]) {
      const { editor, updates } = editorWith([other]);
      await editor.edit(principal, 'cmp_1', remove);
      expect(updates).toHaveLength(1);
    }
  });

  it('names every token in the way, and leaves changes to fields they do not name alone', async () => {
    const tokens = [
      token({}),
      token({ id: 'tok_two', name: 'Vendor North', field_access: null }),
      token({ id: 'tok_three', name: 'Vendor South' }),
    ];
    const { editor } = editorWith(tokens);
    const error = await refusal(editor.edit(principal, 'cmp_1', (c) => ({ fields: removeField(c, 'phone').fields })));
    expect(error.message).toContain('Partner ABC (tok_partner), Vendor South (tok_three)');
    expect(error.message).not.toContain('tok_two');
    await expect(
      editor.edit(principal, 'cmp_1', (c) => ({ fields: removeField(c, 'notes').fields })),
    ).resolves.toMatchObject({ version: 4 });
  });
});
