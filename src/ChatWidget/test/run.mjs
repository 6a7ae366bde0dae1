// Compiles the unit tests with esbuild (the same compiler as the bundle) and runs them with
// Node's built-in test runner: no test framework to install or keep up to date.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, '../dist/test');

async function findTests(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await findTests(path)));
    else if (entry.name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const entryPoints = await findTests(here);
await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints,
  outdir,
  outbase: here,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: ['node20'],
  outExtension: { '.js': '.mjs' },
  define: { __HG_VERSION__: '"test"' },
  loader: { '.css': 'text' },
  sourcemap: 'inline',
  logLevel: 'warning',
});

const files = entryPoints.map((p) => join(outdir, p.slice(here.length + 1).replace(/\.ts$/, '.mjs')));
const run = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(run.status ?? 1);
