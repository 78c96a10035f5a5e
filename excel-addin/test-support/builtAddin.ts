/**
 * The built add-in (dist/excel-addin/) for tests that check what Office will load. Builds it
 * once when it is missing (`npm test` builds before jest; a lone `npx jest excel-addin` may not).
 */
import { execFileSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';

export const ROOT = join(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist', 'excel-addin');

export function ensureBuilt(): string {
  if (!existsSync(join(DIST, 'functions.json')) || !existsSync(join(DIST, 'taskpane.js'))) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--config', 'excel-addin/webpack.part.js'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  }
  return DIST;
}
