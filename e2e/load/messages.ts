/** What run.ts and each till process (till-process.ts) say to each other over Node's IPC channel. */

/** The environment variable that hands a till process its TillProcessConfig (JSON). */
export const TILL_CONFIG_VARIABLE = 'KASSA_LOAD_TILL';

export interface TillProcessConfig {
  serverUrl: string;
  tillId: string;
  tillCode: string;
  /** The till's device credential, from pairing it in run.ts (the till never sees the office key). */
  credential: string;
  /** Products the server holds: the till is ready once it has every one and its stock level. */
  products: number;
  /** Seeds this till's random sales. */
  seed: number;
  /** Sales per second this till aims at, on a fixed schedule (0: each sale as soon as the last is stored). */
  rate: number;
  readyTimeoutMs: number;
}

export type ToTill =
  | { type: 'sell' }
  | { type: 'stop' }
  /** Wait (bounded) until the till shows these quantities for every product, then report. */
  | { type: 'verify'; expected: Record<string, string>; timeoutMs: number }
  | { type: 'close' };

export interface PushFigures {
  /** Milliseconds from sending each push to having read its whole answer, as the till sees it. */
  latenciesMs: number[];
  pushes: number;
  /** Rows (sales) carried by all pushes, retries included. */
  rowsPushed: number;
  /** Pushes that failed: no answer, or an answer other than 2xx. */
  failed: number;
  /** Requests of any kind the server turned away with 429 (its per-device limit). */
  rateLimited: number;
  /** Rows the server answered as conflicts or refusals. */
  conflicts: number;
  refused: number;
  pulls: number;
}

export type FromTill =
  | { type: 'ready'; openSeconds: number }
  | {
      type: 'stopped';
      made: number;
      lastNumber: number;
      /** Units sold per product by this till, from its own sales (decimal strings, positive). */
      sold: Record<string, string>;
      saleMs: number[];
    }
  | {
      type: 'verified';
      mismatches: number;
      examples: string[];
      waitedSeconds: number;
      push: PushFigures;
      /** How late this till's event loop ran while selling: time a push answer may wait before the till reads it. */
      eventLoopDelayMs: { p50: number; p99: number; max: number };
    }
  | { type: 'failed'; message: string };
