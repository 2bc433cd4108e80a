import { userInfo } from 'node:os';
import type { Writer } from './repositories/change-log';

/** A writer named for the person at this computer, stamping changes with the real time. */
export function localWriter(actor: string = safeUserName()): Writer {
  return { actor, now: () => new Date().toISOString() };
}

function safeUserName(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
