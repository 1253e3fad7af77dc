import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../test/shared-data.js';

/**
 * What the workbench's first load costs: the scripts and styles dist/web/index.html loads,
 * gzipped (level 9, as a server would send them), against the target of 300 KB of gzipped
 * JavaScript, and against React + ReactDOM's production CJS files as published (not minified,
 * so an upper bound of the framework's share) as the baseline in the same run.
 *
 *   npm run build && npx tsx bench/web-bundle.ts
 */
const web = join(REPO_ROOT, 'dist/web');
if (!existsSync(join(web, 'index.html'))) {
  console.error('dist/web is not built: run `npm run build` first.');
  process.exit(2);
}
const gz = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;
const html = readFileSync(join(web, 'index.html'), 'utf8');
const assets = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map(
  (m) => m[1]!,
);
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
let js = 0;
let css = 0;
for (const a of assets) {
  const n = gz(join(web, a));
  if (a.endsWith('.js')) js += n;
  else css += n;
  console.log(`${a.padEnd(36)} ${kb(n)} gzipped`);
}
const react = ['react/cjs/react.production.js', 'react-dom/cjs/react-dom-client.production.js']
  .map((f) => gz(join(REPO_ROOT, 'node_modules', f)))
  .reduce((a, b) => a + b, 0);
console.log(`\nfirst load: ${kb(js)} of JavaScript + ${kb(css)} of CSS, gzipped`);
console.log(`target: <= 300 KB of JavaScript: ${js <= 300 * 1024 ? 'met' : 'NOT met'}`);
console.log(
  `React + ReactDOM alone (baseline): ${kb(react)}; ours / baseline: ${(js / react).toFixed(2)}x`,
);
