import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFinding, parseFindingsTable, scanFolder } from '../../../electron/build/security-scan';
import { RENDERER_CSP } from '../../../electron/security/csp';
import { suitePath } from '../../helpers/temp-files';
import { REPO } from './app-fixture';

/** A main process with every mistake the scan exists to catch. */
const CARELESS_MAIN = `const { BrowserWindow } = require('electron');
const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });
win.loadURL('http://example.com/');
`;

// The two scans take some seconds each (the tool waits for translations it cannot fetch): run them side by side.
describe.concurrent('the Electron security scan (npm run security)', () => {
  it('finds nothing above LOW in electron/', async () => {
    const result = await scanFolder(join(REPO, 'electron'));
    expect(result.checks).toBeGreaterThanOrEqual(40);
    expect(result.findings.map(describeFinding)).toEqual([]);
  }, 90_000);

  it('fails a main process that turns isolation and the sandbox off', async () => {
    const main = suitePath('main.js');
    writeFileSync(main, CARELESS_MAIN);
    const result = await scanFolder(dirname(main));
    const found = result.findings.map((finding) => `${finding.severity} ${finding.id}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'HIGH CONTEXT_ISOLATION_JS_CHECK',
        'MEDIUM SANDBOX_JS_CHECK',
        'HIGH LIMIT_NAVIGATION_GLOBAL_CHECK',
        'MEDIUM PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
        'MEDIUM CSP_GLOBAL_CHECK',
      ]),
    );
  }, 90_000);

  it('reads the table the CLI prints', () => {
    const table = [
      '┌───────────────────┬─────────────────────┬──────────┬──────┐',
      '│ Check ID          │ Affected File       │ Location │ Issue Description │',
      '├───────────────────┼─────────────────────┼──────────┼──────┤',
      '│ PRELOAD_JS_CHECK  │ adapters/window.ts  │ 19:6     │ https://git.io/JeuMu │',
      '│ *Review Required* │                     │          │      │',
      '│ MEDIUM | FIRM     │                     │          │      │',
      '├───────────────────┼─────────────────────┼──────────┼──────┤',
      '│ \u001b[31mCSP_GLOBAL_CHECK\u001b[39m  │ N/A │ 0:0 │ x │',
      '│ LOW | TENTATIVE   │                     │          │      │',
      '└───────────────────┴─────────────────────┴──────────┴──────┘',
    ].join('\n');
    expect(parseFindingsTable(table)).toEqual([
      { id: 'PRELOAD_JS_CHECK', severity: 'MEDIUM', confidence: 'FIRM', file: 'adapters/window.ts', location: '19:6' },
      { id: 'CSP_GLOBAL_CHECK', severity: 'LOW', confidence: 'TENTATIVE', file: 'N/A', location: '0:0' },
    ]);
  });

  it('judges the renderer’s CSP with the scanner’s own evaluator: nothing above a maybe', () => {
    // The scan cannot read RENDERER_CSP through the constant (it reports LOW "failed to parse"),
    // so the policy itself goes through the evaluator Electronegativity uses.
    const require = createRequire(electronegativityPackage());
    const csp = require('@doyensec/csp-evaluator') as {
      CspParser: new (text: string) => { csp: unknown };
      CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): { severity: number; directive: string }[] };
      Version: { CSP3: unknown };
      severities: Record<string, number>;
    };
    const findings = new csp.CspEvaluator(new csp.CspParser(RENDERER_CSP).csp, csp.Version.CSP3).evaluate();
    expect(findings.map((finding) => [finding.severity, finding.directive])).toEqual([
      [csp.severities.MEDIUM_MAYBE, 'script-src'],
    ]);
  });
});

function electronegativityPackage(): string {
  return createRequire(join(REPO, 'package.json')).resolve('@doyensec/electronegativity/package.json');
}
