import { app } from 'electron';

/** The operating system's own recent list (Windows jump list, macOS Dock menu); our menu keeps its own. */
export function addRecentDocument(path: string): void {
  app.addRecentDocument(path);
}
