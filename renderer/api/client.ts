/**
 * The renderer's only door to the backend. In Electron the preload bridge carries calls over IPC;
 * in browser mode they go to the loopback server with the per-launch token. Both return the same
 * Result, which becomes a value or a typed AppError here.
 */
import { AppError, isErrorCode, type Result } from '../../shared/api/errors';
import type { Channel, EventName, EventPayload, Input, Output } from '../../shared/api/contract';

interface Bridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

interface Transport {
  call(channel: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

const TOKEN_KEY = 'tiimipoyta.token';
/** Chromium refuses keepalive requests past 64 KiB in flight; stay well below. */
const KEEPALIVE_LIMIT = 16 * 1024;

/** Takes the token from the URL fragment once, keeps it for reloads of this tab, and wipes it from the address bar. */
function takeToken(): string {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, m[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = takeToken();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let streaming = false;

  async function stream(): Promise<void> {
    // fetch rather than EventSource so the token travels in a header, not in a URL.
    for (;;) {
      try {
        const res = await fetch('api/events', { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
        if (!res.ok || !res.body) throw new Error(String(res.status));
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buf = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += value;
          let idx;
          while ((idx = buf.indexOf('\n\n')) >= 0) {
            const frame = buf.slice(0, idx);
            buf = buf.slice(idx + 2);
            const ev = /^event: (.+)$/m.exec(frame)?.[1];
            const data = /^data: (.*)$/m.exec(frame)?.[1];
            if (ev && data !== undefined) listeners.get(ev)?.forEach((cb) => cb(JSON.parse(data)));
          }
        }
      } catch {
        /* the server restarted or went away; try again shortly */
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
  }

  return {
    async call(channel, input) {
      let res: Response;
      try {
        const body = JSON.stringify(input ?? {});
        res = await fetch(`api/invoke/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body,
          cache: 'no-store',
          // A save sent as the page goes away (reload, close) still reaches the backend; the
          // browser allows this for small bodies only, and autosaves are small.
          keepalive: body.length < KEEPALIVE_LIMIT,
        });
      } catch {
        return { ok: false, error: { code: 'unreachable', message: 'The backend cannot be reached.' } };
      }
      try {
        return (await res.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'unreachable', message: `The backend answered ${res.status}.` } };
      }
    },
    on(event, cb) {
      if (!streaming) {
        streaming = true;
        void stream();
      }
      const set = listeners.get(event) ?? new Set();
      set.add(cb);
      listeners.set(event, set);
      return () => set.delete(cb);
    },
  };
}

function bridgeTransport(bridge: Bridge): Transport {
  return {
    async call(channel, input) {
      try {
        return (await bridge.invoke(channel, input)) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'unreachable', message: 'The backend cannot be reached.' } };
      }
    },
    on: (event, cb) => bridge.on(event, cb),
  };
}

const bridge = (window as unknown as { workbench?: Bridge }).workbench;
const transport: Transport = bridge ? bridgeTransport(bridge) : httpTransport();

export async function invoke<K extends Channel>(channel: K, input: Input<K>): Promise<Output<K>> {
  const result = await transport.call(channel, input);
  if (result.ok) return result.value as Output<K>;
  const { code, message, details } = result.error;
  throw new AppError(isErrorCode(code) ? code : 'internal', message, details);
}

export function onEvent<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void {
  return transport.on(event, (p) => cb(p as EventPayload<E>));
}
