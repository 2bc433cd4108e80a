/**
 * The renderer's whole door to data: window.boardpack, one function per contract
 * method plus onEvent, and nothing else (no ipcRenderer, no Node). Bundled by
 * esbuild into out/preload.cjs: a sandboxed preload cannot require our modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { METHOD_NAMES, type MethodName } from '../shared/api/contract';
import type { ApiEvent, BoardpackApi } from '../shared/api/result';
import { apiChannel, EVENT_CHANNEL } from './app/channels';

const invoke = (name: MethodName) => (input: unknown) => ipcRenderer.invoke(apiChannel(name), input);

function onEvent(listener: (event: ApiEvent) => void): () => void {
  const forward = (_event: IpcRendererEvent, event: ApiEvent) => listener(event);
  ipcRenderer.on(EVENT_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  };
}

const api = Object.freeze({
  ...(Object.fromEntries(METHOD_NAMES.map((name) => [name, invoke(name)])) as Omit<BoardpackApi, 'onEvent'>),
  onEvent,
}) satisfies BoardpackApi;

contextBridge.exposeInMainWorld('boardpack', api);
