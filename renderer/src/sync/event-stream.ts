import type { StreamMessage, SyncErrorBody } from '../../../shared/src/index.js';

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
export function fetchEventStream(fetchImpl: typeof fetch = fetch, retryMs = 1000): OpenEventStream {
  return (url, handlers, headers = {}) => {
    let closed = false;
    let controller: AbortController | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const connect = async () => {
      controller = new AbortController();
      try {
        const response = await fetchImpl(url, { signal: controller.signal, headers: { ...headers, accept: 'text/event-stream' } });
        if (!response.ok) throw new StreamRefusal(response.status, (await response.json().catch(() => undefined)) as SyncErrorBody | undefined);
        if (!response.body) throw new Error('event stream has no body');
        handlers.onOpen();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
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
        retryTimer = setTimeout(() => void connect(), retryMs);
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
