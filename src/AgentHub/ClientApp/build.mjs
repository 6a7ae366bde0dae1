import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { packApps } from './pack-apps.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const common = { bundle: true, minify: true, sourcemap: true, format: 'iife', target: ['es2020'], logLevel: 'warning' };

// The pages AgentHub serves.
await build({
  ...common,
  entryPoints: { agent: join(here, 'src/agent.ts'), team: join(here, 'src/team.ts') },
  outdir: join(here, '../wwwroot/js'),
});

// The helpdesk apps' own scripts, bundled into their packages (the ZAF SDK comes from npm, never a CDN).
await build({ ...common, sourcemap: false, entryPoints: [join(here, 'src/apps/zendesk.ts')], outfile: join(here, '../Apps/zendesk/assets/app.js') });
await build({ ...common, sourcemap: false, entryPoints: [join(here, 'src/apps/freshdesk.ts')], outfile: join(here, '../Apps/freshdesk/app/scripts/app.js') });
await packApps(join(here, '../Apps'));
