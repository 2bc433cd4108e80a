#!/usr/bin/env node
// `npm run preview [-- --db FILE|postgres://…]`: the app in a browser, served on 127.0.0.1.
import { register } from 'tsx/esm/api';

register();
const { runPreviewCommand } = await import('./preview-command.ts');
process.exitCode = await runPreviewCommand(process.argv.slice(2));
