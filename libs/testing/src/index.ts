export * from './test-env';
export * from './wait-for';
export * from './readiness';
export * from './service-process';
export * from './signed-requests';
export * from './gateway-client';
export * from './accounts';
export * from './platform';
export * from './partner-campaign';
// The test campaign (pure, so pure libraries' specs take it from @leadgate/contracts/testing).
export * from '@leadgate/contracts/testing';
export * from './console-sessions';
export * from './console-browser';
export { REPO_ROOT } from './repo-root';
export { runPidDir } from './test-run-pids';
