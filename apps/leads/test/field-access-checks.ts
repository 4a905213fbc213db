import { FieldAccess } from '@leadgate/contracts';
import { CAMPAIGN } from '@leadgate/contracts/testing';
import { maskValue } from '@leadgate/field-access';
import { gatewayClient, waitFor } from '@leadgate/testing';

type Fields = Record<string, unknown>;

/**
 * The fields a token with this field access must read of a stored lead (API.md §13), worked out
 * here from the access lists and maskValue alone, not through the service's projection.
 */
export function expectedFields(stored: Fields, access: FieldAccess | null): Fields {
  const expected: Fields = {};
  for (const [key, value] of Object.entries(stored)) {
    if (access?.hidden.includes(key)) continue;
    const type = CAMPAIGN.fields.find((field) => field.key === key)?.type;
    if (!type) throw new Error(`the test campaign has no field ${key}`);
    expected[key] = access?.masked.includes(key) ? maskValue(type, value) : value;
  }
  return expected;
}

/**
 * Nothing of a hidden field in an answer's raw text: neither its key as a JSON key nor its value
 * (values short enough to occur by chance, and booleans, are left to the key check), and no masked
 * field's value in full.
 */
export function expectNothingHiddenIn(text: string, stored: Fields, access: FieldAccess | null, what: string) {
  for (const key of access?.hidden ?? []) {
    expect({ what, key, keyInText: text.includes(`"${key}":`) }).toEqual({ what, key, keyInText: false });
    const value = stored[key];
    if ((typeof value === 'string' && value.length >= 4) || (typeof value === 'number' && value >= 1000))
      expect({ what, key, valueInText: text.includes(String(value)) }).toEqual({ what, key, valueInText: false });
  }
  for (const key of access?.masked ?? []) {
    const value = stored[key];
    if (typeof value === 'string' && value.length >= 4)
      expect({ what, key, maskedValueInText: text.includes(value) }).toEqual({ what, key, maskedValueInText: false });
  }
}

/** A GET whose body is kept as the text that came over the wire (JSON.parse would hide duplicates or escapes). */
export async function rawGet(baseUrl: string, token: string, path: string) {
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, text: await response.text(), etag: response.headers.get('etag') };
}

/**
 * A campaign token made through the admin API with this field access, once the gateway and the
 * leads service both know it (a leads replica that does not answers 401).
 */
export async function campaignTokenWithAccess(
  admin: ReturnType<typeof gatewayClient>,
  gatewayUrl: string,
  campaignId: string,
  body: Record<string, unknown>,
) {
  const created = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, body);
  if (created.status !== 201) throw new Error(`token ${String(body['name'])}: ${JSON.stringify(created.body)}`);
  const token = String(created.body['token']);
  const client = gatewayClient(gatewayUrl, token);
  await waitFor(`token ${String(body['name'])} at the leads service`, async () =>
    (await client('GET', `/v1/campaigns/${campaignId}/leads?limit=1`)).status === 200 ? true : undefined,
  );
  return { id: String(created.body['id']), token, client };
}
