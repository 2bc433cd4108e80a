#!/usr/bin/env node
// The `boardpack` command: loads the TypeScript entry point through tsx, so the
// command runs from a fresh `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./run-cli.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
