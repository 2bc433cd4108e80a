import { beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../shared/api/contract';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const ipcRenderer = {
    invoke: vi.fn((channel: string, input: unknown) => Promise.resolve({ ok: true, value: { channel, input } })),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.set(channel, new Set([...(listeners.get(channel) ?? []), listener]));
    }),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
    }),
    send: vi.fn(),
    sendSync: vi.fn(),
  };
  const exposed = new Map<string, unknown>();
  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)),
  };
  /** What main's webContents.send('api:event', event) looks like from the renderer. */
  const fromMain = (channel: string, event: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: ipcRenderer }, event);
  };
  return { ipcRenderer, contextBridge, exposed, listeners, fromMain };
});
vi.mock('electron', () => ({ ipcRenderer: electron.ipcRenderer, contextBridge: electron.contextBridge }));

type Api = Record<string, (...args: unknown[]) => unknown>;
let api: Api;

beforeAll(async () => {
  await import('../../../electron/preload');
  api = electron.exposed.get('boardpack') as Api;
});

describe('the preload', () => {
  it('exposes one object, window.boardpack, and nothing else', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect([...electron.exposed.keys()]).toEqual(['boardpack']);
  });

  it('exposes exactly one function per contract method, plus onEvent', () => {
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'onEvent'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('never hands out ipcRenderer or any of its functions', () => {
    const values = Object.values(api);
    for (const forbidden of [electron.ipcRenderer, ...Object.values(electron.ipcRenderer)]) {
      expect(values).not.toContain(forbidden);
    }
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('turns each method into an invoke on api:<name> with the input as given', async () => {
    const input = { indicatorId: 3, limit: 50 };
    expect(await api['figures.list']?.(input)).toEqual({
      ok: true,
      value: { channel: 'api:figures.list', input },
    });
    for (const name of METHOD_NAMES) await api[name]?.({});
    expect(electron.ipcRenderer.invoke.mock.calls.map(([channel]) => channel)).toEqual([
      'api:figures.list',
      ...METHOD_NAMES.map((name) => `api:${name}`),
    ]);
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.sendSync).not.toHaveBeenCalled();
  });

  it('passes main’s events to a listener, without the IPC event, until it unsubscribes', () => {
    const seen: unknown[] = [];
    const unsubscribe = api.onEvent?.((event: unknown) => seen.push(event)) as () => void;
    electron.fromMain('api:event', { type: 'data-changed', tables: ['figures'] });
    unsubscribe();
    electron.fromMain('api:event', { type: 'data-changed', tables: ['plans'] });
    expect(seen).toEqual([{ type: 'data-changed', tables: ['figures'] }]);
    expect(electron.ipcRenderer.on.mock.calls.map(([channel]) => channel)).toEqual(['api:event']);
    expect(electron.listeners.get('api:event')?.size).toBe(0);
  });
});
