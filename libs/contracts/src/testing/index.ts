// Test data in the contracts' own types, for specs of pure libraries and for the test harness
// (@leadgate/testing re-exports it). Not part of the contracts' main entry: services never load it.
export * from './campaign-fixture';
