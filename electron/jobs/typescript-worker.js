// The import worker's entry where TypeScript runs through tsx (the preview, the CLI,
// tests); the app bundles import-worker.ts itself to out/import-worker.cjs.
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
