import path from 'node:path';

/**
 * The checkout this harness runs in: three folders up from libs/testing/src when jest runs the
 * TypeScript, four from dist/libs/testing/src when the tools load the build.
 */
const up = path.resolve(__dirname, '../../..');
export const REPO_ROOT = path.basename(up) === 'dist' ? path.dirname(up) : up;
