/**
 * `npm run typecheck`: TypeScript, strict, each layer under its own tsconfig.json (see
 * docs/architecture.md): the server and the shell without the DOM, the till without Node, and the
 * tests and tools (the root one). Every layer is checked even when an earlier one fails, so one run
 * names every error; exits non-zero if any layer has one.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LAYERS = ['sync-server', 'renderer', 'electron', '.'];
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

const failed = LAYERS.filter((layer) => spawnSync(process.execPath, [tsc, '--noEmit', '-p', layer], { cwd: root, stdio: 'inherit' }).status !== 0);
if (failed.length > 0) {
  console.error(`typecheck failed in: ${failed.map((layer) => (layer === '.' ? 'the root tsconfig.json (tests and tools)' : `${layer}/`)).join(', ')}`);
  process.exit(1);
}
