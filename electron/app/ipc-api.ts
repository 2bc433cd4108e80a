import { METHOD_NAMES } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import { BoardpackError } from '../../shared/errors';
import { dispatch, type DispatchContext } from '../api/dispatch';
import { isAppUrl } from './app-protocol';
import { apiChannel } from './channels';

export { apiChannel, EVENT_CHANNEL } from './channels';

/** The parts of Electron's IpcMainInvokeEvent the sender check reads. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  /** Null when the frame has navigated away or been destroyed. */
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/**
 * A message is the app's own when it comes from the window's webContents, from its
 * main frame (no parent), at the app's own origin (app://boardpack). Anything else
 * (a subframe, a page that navigated elsewhere, another webContents) is refused.
 */
export function isTrustedSender(event: InvokeEventLike, windowContentsId: number | null): boolean {
  const frame = event.senderFrame;
  if (windowContentsId === null || event.sender.id !== windowContentsId) return false;
  if (frame === null || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export const REFUSED_SENDER: Result<never> = {
  ok: false,
  error: new BoardpackError(
    'invalid-input',
    "the message did not come from Boardpack's own window and was refused",
  ).toData(),
};

/** ipcMain as far as registering goes. */
export interface IpcRegistrar<Event> {
  handle(channel: string, listener: (event: Event, payload: unknown) => Promise<Result<unknown>>): void;
}

export interface ApiBinding<Event> {
  /** The context of the database open now (it changes when another file is opened). */
  readonly context: () => DispatchContext;
  readonly isTrusted: (event: Event) => boolean;
}

/**
 * One `handle` per contract method and no other channel: check the sender, then
 * dispatch (which parses the payload with the method's schema and returns errors
 * as data). Returns the channels registered.
 */
export function registerApi<Event>(ipc: IpcRegistrar<Event>, binding: ApiBinding<Event>): string[] {
  return METHOD_NAMES.map((name) => {
    const channel = apiChannel(name);
    ipc.handle(channel, async (event, payload) =>
      binding.isTrusted(event) ? dispatch(binding.context(), name, payload) : REFUSED_SENDER,
    );
    return channel;
  });
}
