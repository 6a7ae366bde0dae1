// Bundles the widget into one file for AgentHub to serve, and enforces the size budget:
// the widget loads on every page of a customer's site, so its weight is our cost to them.
import { build, transform } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const outfile = join(here, '../AgentHub/wwwroot/widget.js');
const BUDGET_BYTES = 45 * 1024;
const pkg = JSON.parse(await readFile(join(here, 'package.json'), 'utf8'));

/** Imports of .css files become their minified text, adopted into the shadow root at run time. */
const cssAsText = {
  name: 'css-as-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const { code } = await transform(source, { loader: 'css', minify: true });
      return { contents: code, loader: 'text' };
    });
  },
};

const result = await build({
  entryPoints: [join(here, 'src/index.ts')],
  outfile,
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020'],
  define: { __HG_VERSION__: JSON.stringify(pkg.version) },
  plugins: [cssAsText],
  metafile: true,
  logLevel: 'warning',
});

const bytes = await readFile(outfile);
const gzipped = gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`widget.js: ${kb(bytes.length)} minified, ${kb(gzipped)} gzipped (budget ${kb(BUDGET_BYTES)})`);

if (gzipped > BUDGET_BYTES) {
  const inputs = Object.entries(result.metafile.outputs[relative(process.cwd(), outfile)]?.inputs ?? {})
    .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
    .slice(0, 10);
  for (const [file, info] of inputs) console.error(`  ${kb(info.bytesInOutput).padStart(9)}  ${file}`);
  // Remove the oversized file so an incremental build cannot quietly serve it.
  await rm(outfile, { force: true });
  await rm(`${outfile}.map`, { force: true });
  console.error(`widget.js is over its gzipped size budget by ${kb(gzipped - BUDGET_BYTES)}.`);
  process.exit(1);
}
