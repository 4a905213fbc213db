import { Principal } from '@leadgate/service-kit';
import { LeadReadsService } from '@leads/leads/lead-reads.service';
import { LeadFilesRepository } from './lead-files.repository';
import { LeadFilesService } from './lead-files.service';

const partner: Principal = {
  token_id: 'tok_1',
  account_id: 'acc_1',
  kind: 'campaign',
  scopes: ['files:write'],
  campaign_id: 'cmp_1',
  filter_id: 'flt_1',
};
const upload = { originalname: 'survey.pdf', mimetype: 'application/pdf', size: 3, buffer: Buffer.from('pdf') };

function serviceWithStore() {
  const saved: string[] = [];
  const files = {
    save: async (filename: string) => (saved.push(filename), 'file_1'),
  } as unknown as LeadFilesRepository;
  const reads = {
    get: async () => ({ _id: 'lead_1', account_id: 'acc_1', campaign_id: 'cmp_1' }),
  } as unknown as LeadReadsService;
  return { service: new LeadFilesService(files, reads), saved };
}

describe('LeadFilesService.upload and the request deadline', () => {
  it('stores a file whose deadline is still ahead', async () => {
    const { service, saved } = serviceWithStore();
    const view = await service.upload({ ...partner, deadline: Date.now() + 10_000 }, 'cmp_1', 'lead_1', upload);
    expect(view).toMatchObject({ id: 'file_1', filename: 'survey.pdf' });
    expect(saved).toEqual(['survey.pdf']);
  });

  it('answers 504 and stores nothing once the deadline passed while the upload arrived', async () => {
    const { service, saved } = serviceWithStore();
    const answer = service.upload({ ...partner, deadline: Date.now() - 1 }, 'cmp_1', 'lead_1', upload);
    await expect(answer).rejects.toMatchObject({ status: 504 });
    expect(saved).toEqual([]);
  });
});
