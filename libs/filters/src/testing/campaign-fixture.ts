import { campaignFixture } from '@leadgate/contracts/testing';

/**
 * The shared test campaign plus a field whose key is also an Object.prototype name: the filter
 * code must treat keys as data, never as properties it inherits.
 */
export const CAMPAIGN = campaignFixture({
  extraFields: [
    { key: 'constructor', label: 'A key that is also an Object.prototype name', type: 'text', required: false },
  ],
});
