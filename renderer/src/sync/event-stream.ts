import type { StreamMessage } from '../../../shared/src/index.js';

export interface EventStreamHandlers {
  onOpen(): void;
  onMessage(message: StreamMessage): void;
  onError(error: unknown): void;
}

/** Opens a server-sent event stream that reconnects by itself; returns a function that closes it. */
export type OpenEventStream = (url: string, handlers: EventStreamHandlers) => () => void;

/** The till's implementation: the browser's EventSource, which reconnects on its own. */
export const openBrowserEventStream: OpenEventStream = (url, handlers) => {
  const source = new EventSource(url);
  source.onopen = () => handlers.onOpen();
  source.onerror = (event) => handlers.onError(event);
  source.onmessage = (event: MessageEvent<string>) => handlers.onMessage(JSON.parse(event.data) as StreamMessage);
  return () => source.close();
};

/**
 * The same contract over a streaming fetch, for Node (which has no EventSource) and tests: reads
 * `data:` lines and reconnects after `retryMs` whenever the stream ends or fails.
 */
export function fetchEventStream(fetchImpl: typeof fetch = fetch, retryMs = 1000): OpenEventStream {
  return (url, handlers) => {
    let closed = false;
    let controller: AbortController | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const connect = async () => {
      controller = new AbortController();
      try {
        const response = await fetchImpl(url, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
        if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
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
