import fs from 'node:fs';
import { createRequire } from 'node:module';

/** The installed Electron binary's path, or null with the reason it is not there. */
export function electronBinary(): { path: string } | { path: null; reason: string } {
  const require = createRequire(import.meta.url);
  try {
    const binary = require('electron') as unknown as string;
    if (typeof binary === 'string' && fs.existsSync(binary)) return { path: binary };
    return { path: null, reason: 'Electron binary not installed' };
  } catch {
    return { path: null, reason: 'Electron binary not installed' };
  }
}
