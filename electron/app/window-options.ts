import { locationTitle } from '../../shared/database-location';

/**
 * The window's size and look. Its webPreferences are written out in
 * adapters/window.ts, as one literal where a reader and electronegativity see them.
 */
export const MAIN_WINDOW_GEOMETRY = {
  width: 1280,
  height: 820,
  minWidth: 800,
  minHeight: 560,
  backgroundColor: '#ffffff',
} as const;

/** "boardpack.db — Boardpack", or "csp on db.council.example — Boardpack" for a team database */
export function windowTitle(databaseLocation: string): string {
  return `${locationTitle(databaseLocation)} — Boardpack`;
}
