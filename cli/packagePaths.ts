/**
 * Where the package's own files are. The command runs both as TypeScript under jest (cli/)
 * and compiled (dist/node/cli/), so the root is found by walking up to our package.json
 * rather than by a fixed number of «..».
 */
import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';

export const PACKAGE_NAME = 'sferum-monitor';

export function packageRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === PACKAGE_NAME) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json of ${PACKAGE_NAME} not found above ${start}`);
    dir = parent;
  }
}

function readPackageName(manifest: string): string | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && 'name' in parsed && typeof parsed.name === 'string' ? parsed.name : null;
  } catch {
    return null;
  }
}

/** The bundled sample the README's main command runs on. */
export interface BundledSample {
  readonly current: string;
  readonly previous: string;
  readonly plan: string;
}

export function bundledSample(root: string = packageRoot()): BundledSample {
  const samples = join(root, 'samples');
  return {
    current: join(samples, 'weekly-current.xlsx'),
    previous: join(samples, 'weekly-previous.xlsx'),
    plan: join(samples, 'plan-2.3.xlsx'),
  };
}

/** Default report path, relative to the directory the command runs from. */
export const DEFAULT_OUT = join('out', 'report.xlsx');
