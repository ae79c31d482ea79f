import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** The renderer alone, for the browser tests (the same build electron-vite makes for the app). */
export default defineConfig({
  root: resolve('renderer'),
  base: './',
  plugins: [react()],
  build: { outDir: resolve('out/renderer'), emptyOutDir: true },
});
