import { CampaignFields, CampaignReferences } from '@identity/campaign-references/campaign-references';
import { checkFieldAccess } from './token-field-access';

const fields: CampaignFields = [
  { key: 'name', label: 'Name', type: 'text', required: true },
  { key: 'email', label: 'E-mail', type: 'email', required: false },
  { key: 'budget', label: 'Budget', type: 'number', required: false },
];

function references(known: CampaignFields | null) {
  const asked: string[][] = [];
  const campaigns = {
    fieldsOf: async (_account: string, _campaign: string, keys: readonly string[]) => {
      asked.push([...keys]);
      return known;
    },
  } as unknown as CampaignReferences;
  return { campaigns, asked };
}

describe('checkFieldAccess', () => {
  it('normalizes a set that fits, after waiting for every key it names', async () => {
    const { campaigns, asked } = references(fields);
    const checked = await checkFieldAccess(
      campaigns,
      'acc_1',
      'cmp_1',
      { hidden: ['budget'], masked: ['email'], read_only: [] },
      true,
    );
    expect(checked).toEqual({ ok: true, access: { hidden: ['budget'], masked: ['email'], read_only: [] } });
    expect(asked).toEqual([['budget', 'email']]);
  });

  it('names unknown keys, masks on numbers and required fields a writer could not fill, by path', async () => {
    const { campaigns } = references(fields);
    const set = { hidden: ['name', 'nope'], masked: ['budget'], read_only: [] };
    const checked = await checkFieldAccess(campaigns, 'acc_1', 'cmp_1', set, true);
    expect(checked.ok ? [] : checked.problems.map((problem) => problem.path)).toEqual([
      'field_access.hidden.0',
      'field_access.hidden.1',
      'field_access.masked.0',
    ]);
    const forReader = await checkFieldAccess(
      campaigns,
      'acc_1',
      'cmp_1',
      { ...set, hidden: ['name'], masked: [] },
      false,
    );
    expect(forReader.ok).toBe(true);
  });

  it('lets a campaign that is gone (or of another account) have no field named', async () => {
    const { campaigns } = references(null);
    expect(
      (await checkFieldAccess(campaigns, 'acc_1', 'cmp_1', { hidden: ['name'], masked: [], read_only: [] }, false)).ok,
    ).toBe(false);
    expect(
      (await checkFieldAccess(campaigns, 'acc_1', 'cmp_1', { hidden: [], masked: [], read_only: [] }, false)).ok,
    ).toBe(true);
  });
});
