import type { StreamMessage, SyncErrorBody } from '../../../../shared/src/index.js';

/** The server answered the stream request with a refusal (e.g. 401: the till's access was revoked). */
export class StreamRefusal extends Error {
  override name = 'StreamRefusal';
  constructor(
    readonly status: number,
    readonly body: SyncErrorBody | undefined,
  ) {
    super(body?.message ?? `event stream answered ${status}`);
  }
}

export interface EventStreamHandlers {
  onOpen(): void;
  onMessage(message: StreamMessage): void;
  onError(error: unknown): void;
}

/**
 * Opens a server-sent event stream that reconnects by itself, sending `headers` (the device
 * credential) with every connection; returns a function that closes it.
 */
export type OpenEventStream = (url: string, handlers: EventStreamHandlers, headers?: Record<string, string>) => () => void;

/**
 * Server-sent events over a streaming fetch: reads `data:` lines and reconnects after `retryMs`
 * whenever the stream ends or fails. The till uses it rather than the browser's EventSource, which
 * cannot send the credential header (and a credential in the address would end up in logs).
 */
export function fetchEventStream(fetchImpl: typeof fetch = fetch, retryMs = 1000, silentMs = 45_000): OpenEventStream {
  return (url, handlers, headers = {}) => {
    let closed = false;
    let controller: AbortController | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    // Tries in a row that failed: each waits twice as long as the one before, up to 16 times
    // `retryMs` and never more than 10 s, so a till notices within seconds that the server is back.
    let failures = 0;

    const connect = async () => {
      controller = new AbortController();
      try {
        const response = await fetchImpl(url, { signal: controller.signal, headers: { ...headers, accept: 'text/event-stream' } });
        if (!response.ok) throw new StreamRefusal(response.status, (await response.json().catch(() => undefined)) as SyncErrorBody | undefined);
        if (!response.body) throw new Error('event stream has no body');
        failures = 0;
        handlers.onOpen();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          // The server sends a heartbeat every 15 s: a stream silent for longer is dead, even if no
          // one closed it (a cable pulled, a router restarted), so it is dropped and opened again.
          const silence = setTimeout(() => controller?.abort(new Error('event stream went silent')), silentMs);
          const { value, done } = await reader.read().finally(() => clearTimeout(silence));
          if (done) break;
          buffer += value;
          let boundary;
          while ((boundary = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, boundary);
            buffer = buffer.slice(boundary + 2);
            const data = block
              .split('\n')
              .filter((line) => line.startsWith('data:'))
              .map((line) => line.slice(5).trimStart())
              .join('\n');
            if (data) handlers.onMessage(JSON.parse(data) as StreamMessage);
          }
        }
        throw new Error('event stream ended');
      } catch (error) {
        if (closed) return;
        handlers.onError(error);
        const wait = Math.min(retryMs * 2 ** Math.min(failures++, 4), Math.max(retryMs, 10_000));
        retryTimer = setTimeout(() => void connect(), wait);
      }
    };
    void connect();
    return () => {
      closed = true;
      clearTimeout(retryTimer);
      controller?.abort();
    };
  };
}
