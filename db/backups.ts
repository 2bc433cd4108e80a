import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { BoardpackError } from '../shared/errors';
import { backupSqliteFile, fileExists, openSqliteFile } from './sqlite/sqlite-file';

/**
 * Backups of a database file, taken with SQLite's online backup API into a
 * folder beside it (`Partnership.db-backups/`): daily when the file is opened,
 * before every migration, before every restore, and on request. The newest
 * KEEP_BACKUPS are kept.
 */

export const KEEP_BACKUPS = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

export type BackupReason = 'daily' | 'manual' | 'before-restore' | `before-${string}`;

export interface Backup {
  readonly file: string;
  /** ISO date-time the backup was taken. */
  readonly takenAt: string;
  /** Why it was taken: daily, manual, before-restore, before-0004-import-mappings … */
  readonly reason: string;
  readonly bytes: number;
}

export function backupFolder(path: string): string {
  return join(dirname(path), `${basename(path)}-backups`);
}

/** "Partnership.db.2026-11-26T09-00-00-000Z.daily.bak": sortable by time, reason readable. */
export function backupPathFor(path: string, reason: BackupReason, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return join(backupFolder(path), `${basename(path)}.${stamp}.${reason}.bak`);
}

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;

/** The database's backups, newest first. */
export function listBackups(path: string): Backup[] {
  const folder = backupFolder(path);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const prefix = `${basename(path)}.`;
  const backups: Backup[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.bak')) continue;
    const [stamp = '', ...reason] = name.slice(prefix.length, -'.bak'.length).split('.');
    const match = STAMP.exec(stamp);
    if (!match) continue;
    const file = join(folder, name);
    backups.push({
      file,
      takenAt: `${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`,
      reason: reason.join('.'),
      bytes: statSync(file).size,
    });
  }
  return backups.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/** Removes all but the newest `keep` backups. */
export function pruneBackups(path: string, keep = KEEP_BACKUPS): string[] {
  const removed = listBackups(path).slice(keep);
  for (const backup of removed) rmSync(backup.file, { force: true });
  return removed.map((backup) => backup.file);
}

/** A consistent copy of the open database, then the oldest beyond KEEP_BACKUPS removed. */
export async function takeBackup(
  sqlite: BetterSqlite3.Database,
  path: string,
  reason: BackupReason,
  at: Date,
): Promise<Backup> {
  const file = backupPathFor(path, reason, at);
  mkdirSync(dirname(file), { recursive: true });
  await backupSqliteFile(sqlite, file);
  pruneBackups(path);
  const taken = listBackups(path).find((backup) => backup.file === file);
  if (!taken) throw new BoardpackError('io', `the backup ${file} was not written`, { file });
  return taken;
}

/** True when no backup of the file is younger than a day. */
export function dailyBackupDue(path: string, now: Date): boolean {
  const newest = listBackups(path)[0];
  return newest === undefined || now.getTime() - Date.parse(newest.takenAt) >= DAY_MS;
}

/**
 * Puts a backup's content back into the database file: the backup is checked
 * first (a Boardpack database that passes SQLite's integrity check), the current
 * file is backed up ('before-restore'), then the backup is copied in with the
 * online backup API, so the file is never half-written. The file must not be open
 * elsewhere (the app closes it first).
 */
export async function restoreBackup(path: string, backupFile: string, now: Date): Promise<Backup> {
  if (!fileExists(backupFile)) {
    throw new BoardpackError('not-found', `no such backup: ${backupFile}`, { file: backupFile });
  }
  const source = openSqliteFile(backupFile, { create: false, readonly: true });
  try {
    const problems = (source.pragma('integrity_check') as Record<string, string>[])
      .map((row) => Object.values(row)[0])
      .filter((result) => result !== 'ok');
    if (problems.length > 0) {
      throw new BoardpackError('corrupt', `the backup ${backupFile} is damaged: ${problems[0] ?? ''}`, {
        file: backupFile,
      });
    }
    const current = openSqliteFile(path, { create: false });
    let safety: Backup;
    try {
      safety = await takeBackup(current, path, 'before-restore', now);
    } finally {
      current.close();
    }
    await source.backup(path);
    return safety;
  } finally {
    source.close();
  }
}
