import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { boardpack } from '../../helpers/run-boardpack';
import { tempPath } from '../../helpers/temp-files';

/**
 * Issue 8, point 1, for exports: `boardpack export` killed with SIGKILL at random
 * moments while it builds and writes a Word file leaves at the target path
 * either the file that was there before or the whole new one, never half of
 * one, and no temporary file behind.
 */

const BIN = fileURLToPath(new URL('../../../electron/cli/boardpack.js', import.meta.url));
const KILLS = 10;
const OLD = 'the previous export\n';

function exportThenKill(args: readonly string[], afterMs: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : 'finished');
    });
  });
}

describe('an interrupted export', () => {
  it(`leaves the old file or the whole new one, through ${KILLS} kills`, async () => {
    const db = tempPath('pack.db');
    const created = await boardpack('init', '--db', db, '--demo');
    expect(created.code, created.stderr).toBe(0);
    const out = tempPath('pack.docx');
    const whole = tempPath('whole.docx');
    const reference = await boardpack('export', '--db', db, '--meeting', '1', '--format', 'docx', '--out', whole);
    expect(reference.code, reference.stderr).toBe(0);
    const size = readFileSync(whole).length;

    const outcomes: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      writeFileSync(out, OLD);
      // From start-up through building to writing: the bin takes a few seconds to write the file.
      const outcome = await exportThenKill(
        ['export', '--db', db, '--meeting', '1', '--format', 'docx', '--out', out],
        500 + Math.random() * 5000,
      );
      const now = readFileSync(out);
      if (now.toString('utf8') === OLD) outcomes.push(`${outcome}: old`);
      else {
        // A whole Word file: a zip that its end-of-central-directory record closes, about the reference's size.
        expect(now.subarray(0, 2).toString('latin1')).toBe('PK');
        expect(now.readUInt32LE(now.length - 22)).toBe(0x06054b50);
        expect(Math.abs(now.length - size)).toBeLessThan(64);
        outcomes.push(`${outcome}: new`);
      }
      expect(readdirSync(dirname(out)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    }
    expect(existsSync(out)).toBe(true);
    // At least one kill landed before the rename, or the test proved nothing.
    expect(outcomes.some((outcome) => outcome === 'killed: old')).toBe(true);
  }, 180_000);
});
