import { useEffect, useState } from 'react';
import type { StreamMessage } from '../../../shared/src/index.js';

export type LiveState = 'connecting…' | 'live' | 'reconnecting…';

/** Changes close together (a till pushing a batch) make one reload, this long after the last. */
const SETTLE_MS = 150;

/**
 * The store's live stream of changes: `version` counts the changes heard (pages reload when it
 * moves), and reconnecting counts as one, since changes may have been missed meanwhile.
 */
export function useLive(storeId: string | undefined): { state: LiveState; version: number } {
  return useLiveStream(storeId ? `store=${encodeURIComponent(storeId)}` : undefined);
}

/** The live stream of several stores' changes on one connection (a report's stores). */
export function useLiveStores(storeIds: readonly string[]): { state: LiveState; version: number } {
  const named = storeIds.join(',');
  return useLiveStream(named ? `stores=${encodeURIComponent(named)}` : undefined);
}

function useLiveStream(query: string | undefined): { state: LiveState; version: number } {
  const [state, setState] = useState<LiveState>('connecting…');
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!query) return undefined;
    setState('connecting…');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setVersion((count) => count + 1), SETTLE_MS);
    };
    let opened = false;
    const events = new EventSource(`/api/office/events?${query}`);
    events.onopen = () => {
      setState('live');
      if (opened) changed();
      opened = true;
    };
    events.onerror = () => setState('reconnecting…');
    events.onmessage = (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as StreamMessage;
      if (message.type === 'changed') changed();
    };
    return () => {
      clearTimeout(timer);
      events.close();
    };
  }, [query]);
  return { state, version };
}
