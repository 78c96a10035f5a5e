/** Sizes of the built bundles (.js, and .html that inlines a panel's script), raw and gzip, or a note that a host was not built. */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';

export interface BundleSize {
  readonly host: string;
  readonly file: string;
  readonly bytes: number | null;
  readonly gzipBytes: number | null;
  readonly note: string | null;
}

export const BUNDLE_DIRS: readonly { readonly host: string; readonly dir: string }[] = [
  { host: 'Excel', dir: join('dist', 'excel-addin') },
  { host: 'Google Таблицы', dir: join('dist', 'apps-script') },
];

export function bundleSizes(root: string): BundleSize[] {
  const sizes: BundleSize[] = [];
  for (const { host, dir } of BUNDLE_DIRS) {
    const full = join(root, dir);
    const files = existsSync(full) ? readdirSync(full).filter((f) => /\.(js|html)$/.test(f)).sort() : [];
    if (files.length === 0) {
      sizes.push({ host, file: `${dir}/*.js`, bytes: null, gzipBytes: null, note: 'не собрано (npm run build)' });
      continue;
    }
    for (const file of files) {
      const bytes = readFileSync(join(full, file));
      sizes.push({ host, file: `${dir}/${file}`, bytes: bytes.length, gzipBytes: gzipSync(bytes).length, note: null });
    }
  }
  return sizes;
}
