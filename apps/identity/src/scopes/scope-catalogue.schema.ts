import {
  ACCOUNT_PRESETS,
  CAMPAIGN_PERMISSION_SCOPES,
  SCOPE_CATALOGUE,
  SCOPE_GROUP_SCOPES,
  WILDCARD_SCOPES,
} from '@leadgate/auth-core';
import { z } from 'zod';

const scopeList = z.array(z.string());

/** `GET /v1/admin/scopes`: the scope catalogue, wildcards, presets, campaign permissions and scope groups. */
export const scopeCatalogueSchema = z.object({
  scopes: z.array(z.object({ scope: z.string(), description: z.string() })),
  wildcards: scopeList,
  presets: z.record(z.object({ description: z.string(), scopes: scopeList })),
  campaign_permissions: z.record(scopeList),
  scope_groups: z.record(scopeList),
});

/** The catalogue itself: the controller answers it, and it is the documented example. */
export const SCOPE_CATALOGUE_ANSWER = {
  scopes: SCOPE_CATALOGUE,
  wildcards: WILDCARD_SCOPES,
  presets: ACCOUNT_PRESETS,
  campaign_permissions: CAMPAIGN_PERMISSION_SCOPES,
  scope_groups: SCOPE_GROUP_SCOPES,
};
