import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import type { ApiEvent } from '../../shared/api/result';
import { BoardpackError } from '../../shared/errors';
import { dispatch, type DispatchContext } from '../api/dispatch';
import { RENDERER_CSP } from '../security/csp';

/**
 * The HTTP bridge: the same handler table Electron's IPC serves, over HTTP on
 * 127.0.0.1, for the browser preview and the end-to-end tests. Every API request
 * carries the per-run token and comes from the page's own origin; the page gets
 * the token in its URL fragment, which browsers never send to a server.
 */

export interface BridgeOptions {
  /** The context calls run in; `emit` is set by the bridge to feed its event stream. */
  readonly context: Omit<DispatchContext, 'emit'>;
  /** A folder with the built renderer (index.html); without it only the API is served. */
  readonly staticDir?: string;
  /** 0 (default): a free port. */
  readonly port?: number;
  readonly token?: string;
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes?: number;
}

export interface Bridge {
  readonly url: string;
  /** The URL to open: the page, with the token in its fragment. */
  readonly pageUrl: string;
  readonly token: string;
  /** Replaces the context (another database opened). */
  setContext(context: Omit<DispatchContext, 'emit'>): void;
  emit(event: ApiEvent): void;
  close(): Promise<void>;
}

const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
};

const refuse = (response: ServerResponse, status: number, message: string) =>
  json(response, status, { ok: false, error: new BoardpackError('invalid-input', message).toData() });

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BoardpackError('invalid-input', `the request is larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const limit = options.maxBodyBytes ?? 64 * 1024 * 1024;
  let context = options.context;
  const listeners = new Set<ServerResponse>();
  const emit = (event: ApiEvent) => {
    for (const listener of listeners) listener.write(`data: ${JSON.stringify(event)}\n\n`);
  };
  const serveStatic = options.staticDir
    ? sirv(options.staticDir, {
        dev: true,
        etag: true,
        single: true,
        setHeaders: (response) => {
          response.setHeader('content-security-policy', RENDERER_CSP);
          response.setHeader('x-content-type-options', 'nosniff');
          response.setHeader('referrer-policy', 'no-referrer');
        },
      })
    : null;

  let origin = '';
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', origin);
      const fromOrigin = request.headers.origin;
      if (fromOrigin !== undefined && fromOrigin !== origin) {
        refuse(response, 403, `requests from ${fromOrigin} are refused`);
        return;
      }
      if (url.pathname === '/api/events') {
        if (!sameToken(url.searchParams.get('token') ?? undefined, token)) {
          refuse(response, 401, 'the bridge token is missing or wrong');
          return;
        }
        response.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        response.write(': connected\n\n');
        listeners.add(response);
        request.on('close', () => listeners.delete(response));
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
        if (!sameToken(bearer, token)) {
          refuse(response, 401, 'the bridge token is missing or wrong');
          return;
        }
        if (request.method !== 'POST') {
          refuse(response, 405, 'API calls are POST requests');
          return;
        }
        let payload: unknown;
        try {
          const body = await readBody(request, limit);
          payload = body === '' ? {} : JSON.parse(body);
        } catch (error) {
          refuse(response, 400, error instanceof Error ? error.message : 'unreadable request');
          return;
        }
        const name = decodeURIComponent(url.pathname.slice('/api/'.length));
        json(response, 200, await dispatch({ ...context, emit }, name, payload));
        return;
      }
      if (serveStatic && (request.method === 'GET' || request.method === 'HEAD')) {
        serveStatic(request, response, () => refuse(response, 404, 'not found'));
        return;
      }
      refuse(response, 404, 'not found');
    })().catch((error: unknown) => {
      if (!response.headersSent) refuse(response, 500, error instanceof Error ? error.message : String(error));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    pageUrl: `${origin}/#token=${token}`,
    token,
    setContext: (next) => {
      context = next;
      emit({ type: 'data-changed', tables: ['*'] });
    },
    emit,
    close: async () => {
      for (const listener of listeners) listener.end();
      listeners.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
