import { METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import type { ApiEvent, BoardpackApi, Result } from '../../shared/api/result';

/**
 * The same API as Electron's preload, over the HTTP bridge of the browser
 * preview: one function per contract method, POSTed with the per-run token the
 * page received in its URL fragment, and events from a server-sent stream.
 */
export function createBridgeClient(origin: string, token: string): BoardpackApi {
  const call = async (name: MethodName, input: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetch(`${origin}/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return {
        ok: false,
        error: { code: 'io', message: `the app's data service cannot be reached: ${(error as Error).message}` },
      };
    }
  };
  const methods = Object.fromEntries(METHOD_NAMES.map((name) => [name, (input: unknown) => call(name, input)]));
  const onEvent = (listener: (event: ApiEvent) => void) => {
    const source = new EventSource(`${origin}/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message: MessageEvent<string>) => listener(JSON.parse(message.data) as ApiEvent);
    return () => source.close();
  };
  return { ...methods, onEvent } as unknown as BoardpackApi;
}
