import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Relative asset paths: the same build loads from the web till's static server and from Electron.
  // The office app is served under /office/ by the sync server, which gives its page a <base> (see
  // sync-server/src/office/app-files.ts) so the same relative paths hold on its deeper routes.
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // KASSA_UNMINIFIED=1 keeps names readable in CPU profiles.
    minify: process.env.KASSA_UNMINIFIED !== '1',
    target: 'es2022',
    // RxDB and React make one ~700 kB bundle; the till loads it from disk, never over a network.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // The till, head office's app, and a page `npm run bench` drives to measure the storage layer on its own.
      input: {
        till: fileURLToPath(new URL('./index.html', import.meta.url)),
        office: fileURLToPath(new URL('./office.html', import.meta.url)),
        storageBench: fileURLToPath(new URL('./storage-bench.html', import.meta.url)),
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
});
