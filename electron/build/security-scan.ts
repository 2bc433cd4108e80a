import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './build-main';

/**
 * `npm run security`: Electronegativity (Doyensec's Electron security scanner)
 * over electron/, failing on any finding above LOW severity. A finding that was
 * reviewed is marked at its line with the tool's own `eng-disable` comment and
 * the reason, so the exception sits beside the code it excuses.
 *
 * The scan reads the table the CLI prints with `-s MEDIUM` (only findings of
 * MEDIUM severity or above): its CSV writer writes the header and the rows
 * concurrently and can garble the file, its SARIF carries no severity, and `-s`
 * filters only the printed table. No network is needed: the tool tries to fetch
 * translations and gives up; the check that fetches Electron's releases is excluded.
 */

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  readonly id: string;
  readonly severity: Severity;
  readonly confidence: string;
  readonly file: string;
  readonly location: string;
}

export interface ScanResult {
  /** Findings of MEDIUM severity or above: each one fails the check. */
  readonly findings: readonly Finding[];
  /** How many checks ran ("41 check(s) successfully loaded"). */
  readonly checks: number;
}

const ELECTRON_VERSION = (
  createRequire(join(ROOT, 'package.json'))('electron/package.json') as { readonly version: string }
).version;

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** The findings in the table Electronegativity prints (box-drawing rows, one finding per row). */
export function parseFindingsTable(output: string): Finding[] {
  const lines = output.replace(ANSI, '').split(/\r?\n/);
  const findings: Finding[] = [];
  let cells: string[][] = [];
  const flush = () => {
    if (cells.length === 0) return;
    const column = (index: number) =>
      cells
        .map((row) => row[index] ?? '')
        .filter(Boolean)
        .join(' ');
    const head = column(0);
    const id = /\b([A-Z][A-Z0-9_]*_CHECK)\b/.exec(head)?.[1];
    const rating = /\b(INFORMATIONAL|LOW|MEDIUM|HIGH) \| (CERTAIN|FIRM|TENTATIVE)\b/.exec(head);
    if (id !== undefined && rating) {
      findings.push({
        id,
        severity: rating[1] as Severity,
        confidence: rating[2] ?? '',
        file: column(1),
        location: column(2),
      });
    }
    cells = [];
  };
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.startsWith('│')) {
      cells.push(
        trimmed
          .split('│')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    } else if (/^[├└┌]/.test(trimmed)) {
      flush();
    }
  }
  flush();
  return findings.filter((finding) => finding.id !== 'Check ID');
}

/** Runs Electronegativity on a folder and returns what it reports above LOW. */
export function scanFolder(input: string): Promise<ScanResult> {
  const cli = createRequire(join(ROOT, 'package.json')).resolve('@doyensec/electronegativity/dist/index.js');
  const args = [
    cli,
    ...['--input', input],
    ...['--electron-version', ELECTRON_VERSION],
    ...['--exclude-checks', 'AvailableSecurityFixesGlobalCheck'],
    ...['--severity', 'MEDIUM'],
    ...['--verbose', 'false'],
    '--relative',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, LANG: 'en-US', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const loaded = /(\d+) check\(s\) successfully loaded/.exec(output.replace(ANSI, ''));
      const clean = output.includes('No issues were found.');
      const findings = parseFindingsTable(output);
      if (code !== 0 || !loaded || (!clean && findings.length === 0)) {
        reject(new Error(`electronegativity did not complete (exit code ${code}):\n${output}`));
        return;
      }
      resolve({ findings, checks: Number(loaded[1]) });
    });
  });
}

export function describeFinding(finding: Finding): string {
  return `${finding.severity} ${finding.id} at ${finding.file}:${finding.location} (${finding.confidence})`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await scanFolder(join(ROOT, 'electron'));
  for (const finding of result.findings) process.stdout.write(`${describeFinding(finding)}\n`);
  process.stdout.write(
    `electronegativity: ${result.checks} checks over electron/, ${result.findings.length} finding(s) above LOW\n`,
  );
  process.exitCode = result.findings.length === 0 ? 0 : 1;
}
