import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './repo-root';

describe('REPO_ROOT', () => {
  it('is the checkout (the folder with package.json and dist/ beside apps/), not dist/', () => {
    expect(existsSync(path.join(REPO_ROOT, 'package.json'))).toBe(true);
    expect(existsSync(path.join(REPO_ROOT, 'apps'))).toBe(true);
  });
});
