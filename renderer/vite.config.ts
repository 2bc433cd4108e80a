import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds the renderer to out/renderer/, with relative paths so Electron's app://
 * protocol and the bridge both serve it. (No node: imports: the renderer layer's
 * lint rule covers this file too; Vite resolves outDir against root.)
 */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
    // A desktop app loads its bundle from disk: one chunk is fine.
    chunkSizeWarningLimit: 2000,
  },
});
