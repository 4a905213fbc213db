import { credentialStateV1 } from '@leadgate/contracts';
import { z } from 'zod';

/** A client credential as the admin API shows it: never its secret (API.md §5, §6). */
export const credentialViewSchema = credentialStateV1.extend({ created_at: z.string().datetime({ offset: true }) });

export const createdCredentialViewSchema = credentialViewSchema.extend({
  client_secret: z.string().describe('The client secret (`lgs_...`), shown in this answer only.'),
});

export const credentialListSchema = z.object({ data: z.array(credentialViewSchema) });

export const credentialViewExample: z.input<typeof credentialViewSchema> = {
  id: 'crd_7Lm2Qx9Vb4Nc',
  account_id: 'acc_2Hs8Kd0Wq5Pz',
  client_id: 'lgc_7Lm2Qx9Vb4Nc',
  description: 'Nightly CRM export',
  scope_groups: ['data_api'],
  enabled: true,
  version: 1,
  updated_at: '2025-05-01T09:30:00.000Z',
  created_at: '2025-05-01T09:30:00.000Z',
};
