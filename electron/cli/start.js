#!/usr/bin/env node
// `npm start`: builds the app (esbuild for main and preload, Vite for the renderer)
// and opens the desktop window; where Electron's binary is missing and cannot be
// fetched, says so in one line and serves the same app in the browser preview.
import { register } from 'tsx/esm/api';

register();
try {
  const { startApp } = await import('./start-app.ts');
  process.exitCode = await startApp();
} catch (error) {
  process.stderr.write(`Boardpack: npm start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
