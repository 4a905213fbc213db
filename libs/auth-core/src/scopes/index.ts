// The scope catalogue, matching and presets alone (no node:crypto): what the console bundles for the browser.
export * from './scope-catalogue';
export * from './scope-matching';
export * from './presets';
