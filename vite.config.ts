// The workbench UI (web/) built by Vite into dist/web, which `receipts serve` serves.
// `npx vite` runs it in development against a `receipts serve` on port 4321.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  // Relative asset URLs: the built page works wherever it is served from.
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    // changeOrigin: the server accepts only its own Host (DNS-rebinding guard).
    proxy: { '/api': { target: 'http://127.0.0.1:4321', changeOrigin: true } },
  },
});
