import type { BoardpackApi } from '../../shared/api/result';
import { createBridgeClient } from './bridge-client';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in the browser preview. */
    readonly boardpack?: BoardpackApi;
  }
}

/**
 * The renderer's only door to data: Electron's preload API when the page runs in
 * the desktop app, else the HTTP bridge with the token from the URL fragment.
 */
export function connect(): BoardpackApi {
  if (window.boardpack) return window.boardpack;
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (!token) throw new Error('Open Boardpack from the desktop app or from the URL `npm run preview` prints.');
  return createBridgeClient(window.location.origin, token);
}
