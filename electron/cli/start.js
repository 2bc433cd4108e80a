#!/usr/bin/env node
// `npm start`. The desktop window arrives with the desktop issue; until then this
// prepares the demo database in the user-data folder and says how to use it.
import { register } from 'tsx/esm/api';

register();
const { startApp } = await import('./start-app.ts');
process.exitCode = await startApp();
