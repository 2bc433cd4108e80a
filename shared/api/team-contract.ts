import { z } from 'zod';
import { method } from './contract-method';

/**
 * The team database (issue 9): File ▸ Connect to team database… in the desktop
 * app opens the window's dialog (a 'show-dialog' event), which hands the
 * postgres:// URL it built to main here. Spread into CONTRACT; handlers in
 * electron/api/handlers/team.ts.
 */

/** What the dialog needs to know before it asks. */
export interface TeamDatabaseStatus {
  /** False where the database is fixed (the command line, the tests' API): the dialog is not offered. */
  readonly canConnect: boolean;
  /**
   * Why the address cannot be remembered on this computer (no keychain to
   * encrypt it with), so the connection lasts this session only; null when it can.
   */
  readonly cannotRemember: string | null;
}

export interface TeamDatabaseConnected {
  /** The team database now open, without its password: "postgres://ana@db.council.example/csp". */
  readonly location: string;
  /** Its address is kept, encrypted by the system keychain, and it is reopened at the next start. */
  readonly remembered: boolean;
  /** Why it was not remembered although that was asked, or null. */
  readonly notRemembered: string | null;
}

export const TEAM_METHODS = {
  'team.status': method<TeamDatabaseStatus>()(z.strictObject({}), { writes: false }),
  /**
   * Tests the connection first: a refusal (server unreachable, password refused,
   * not a Boardpack database, no data yet) says why and the open database stays
   * open. Then the window switches to it and every screen refreshes. The URL
   * (it may hold a password) is never written anywhere in plain text.
   */
  'team.connect': method<TeamDatabaseConnected>()(
    z.strictObject({
      url: z.string().trim().min(1, 'the team database address is required').max(4000),
      remember: z.boolean(),
    }),
    { writes: false },
  ),
} as const;
