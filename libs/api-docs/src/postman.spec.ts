import { buildPostman, POSTMAN_SCHEMA } from './postman';
import { READ, tokenInput, WRITE } from './testing/fixtures';

describe('buildPostman', () => {
  it('is a v2.1 collection with bearer auth from {{token}} and {{baseUrl}}', () => {
    const collection = buildPostman(tokenInput(WRITE));
    expect(collection.info.schema).toBe(POSTMAN_SCHEMA);
    expect(collection.auth).toEqual({ type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] });
    expect(collection.variable).toEqual(
      expect.arrayContaining([
        { key: 'baseUrl', value: 'https://api.example.com', type: 'string' },
        { key: 'token', value: '', type: 'string' },
      ]),
    );
    const create = collection.item[0].item.find((item) => item.name === 'Create a lead');
    expect(create?.request.method).toBe('POST');
    expect(create?.request.url.raw).toBe('{{baseUrl}}/v1/campaigns/cmp_heat/leads');
    expect(JSON.parse(String(create?.request.body?.['raw']))).toMatchObject({ fields: { name: 'Jane Doe' } });
    const get = collection.item[0].item.find((item) => item.name === 'Get a lead');
    expect(get?.request.url.path).toEqual(['v1', 'campaigns', 'cmp_heat', 'leads', '{{leadId}}']);
  });

  it('has no write requests for a read-only token', () => {
    const methods = buildPostman(tokenInput(READ)).item.flatMap((folder) =>
      folder.item.map((item) => item.request.method),
    );
    expect(new Set(methods)).toEqual(new Set(['GET']));
  });
});
