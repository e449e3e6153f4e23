/**
 * Bundles the Electron main process and preload into dist/electron/ (main.cjs, preload.cjs).
 *
 * Besides bundling, it fails the build when a bundle breaks the layering: electron/ may import
 * shared/ but never renderer/ or sync-server/, and the sandboxed preload may require nothing
 * but `electron` at run time.
 */
import { build, type Metafile } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = path.join(root, 'dist', 'electron');

const entries = [
  { source: 'electron/main.ts', output: 'main.cjs' },
  { source: 'electron/preload.ts', output: 'preload.cjs' },
] as const;

/**
 * Where a bundle may take code from: its own folder, the shared core, and packages (shared/
 * uses decimal.js). Any other project folder in the metafile is a layering error.
 */
const allowedSourceFolders = ['electron/', 'shared/', 'node_modules/'];

function layeringErrors(entry: string, metafile: Metafile): string[] {
  return Object.keys(metafile.inputs)
    .map((input) => input.split(path.sep).join('/'))
    .filter((input) => !allowedSourceFolders.some((folder) => input.startsWith(folder)))
    .map((input) => `${entry} bundles ${input}; electron/ may import only shared/ and packages`);
}

/** The sandbox gives a preload a `require` that knows `electron` and a few polyfills, no more. */
function preloadRequireErrors(entry: string, metafile: Metafile): string[] {
  return Object.values(metafile.outputs)
    .flatMap((output) => output.imports)
    .filter((imported) => imported.external && imported.path !== 'electron')
    .map((imported) => `${entry} requires "${imported.path}", which a sandboxed preload cannot load`);
}

async function main(): Promise<void> {
  await rm(outdir, { recursive: true, force: true });

  const problems: string[] = [];
  for (const entry of entries) {
    const result = await build({
      absWorkingDir: root,
      entryPoints: [entry.source],
      outfile: path.join(outdir, entry.output),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['electron'],
      sourcemap: true,
      metafile: true,
      logLevel: 'warning',
    });
    problems.push(...layeringErrors(entry.source, result.metafile));
    if (entry.output === 'preload.cjs') problems.push(...preloadRequireErrors(entry.source, result.metafile));
  }

  if (problems.length > 0) {
    for (const problem of problems) console.error(`build-electron: ${problem}`);
    process.exitCode = 1;
    return;
  }
  console.log(`build-electron: wrote ${entries.map((entry) => `dist/electron/${entry.output}`).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
