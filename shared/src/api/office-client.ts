import { SYNC_ERROR_REASONS, SyncError, type SyncErrorBody } from '../protocol.js';
import type { OfficeMethod, OfficePath, OfficeRequest, OfficeResponse } from './office-routes.js';

/** The part of fetch the client uses: the browser's and Node's both fit, and a test may pass its own. */
export type OfficeFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export interface OfficeClientOptions {
  fetch: OfficeFetch;
  /** Where the server is: '' on the office page itself (same origin), else e.g. "http://127.0.0.1:8787". */
  baseUrl?: string;
  /** Scripts and tests send the office key; the office page goes by its session cookie instead. */
  officeKey?: string;
}

/** A route's call takes a request only when the route has params, a query or a body. */
type RequestArgs<Route> = [keyof OfficeRequest<Route>] extends [never] ? [] : [request: OfficeRequest<Route>];

type Call<Method extends OfficeMethod> = <Path extends OfficePath<Method>>(path: Path, ...request: RequestArgs<`${Method} ${Path}`>) => Promise<OfficeResponse<`${Method} ${Path}`>>;

/**
 * Head office's API as typed calls: `client.get('/api/office/stock', { query: { store } })` answers a
 * StockReport. A refusal is thrown as the server's SyncError (its reason, message, status and details).
 */
export interface OfficeClient {
  get: Call<'GET'>;
  post: Call<'POST'>;
  put: Call<'PUT'>;
}

interface AnyRequest {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

/** The server's refusal as a SyncError; an answer that is not one (a proxy's page, say) as an internal error. */
function refusal(status: number, text: string): SyncError {
  try {
    const body = JSON.parse(text) as Partial<SyncErrorBody>;
    if (SYNC_ERROR_REASONS.includes(body.error!) && typeof body.message === 'string') return new SyncError(body.error!, body.message, status, body.details);
  } catch {
    // Not JSON: described below.
  }
  return new SyncError('internal', `the server answered ${status} without saying why`, status);
}

export function officeClient(options: OfficeClientOptions): OfficeClient {
  const baseUrl = options.baseUrl ?? '';
  const call =
    (method: OfficeMethod) =>
    async (path: string, request: AnyRequest = {}): Promise<unknown> => {
      const filled = path.replace(/:(\w+)/g, (_match, name: string) => encodeURIComponent(request.params?.[name] ?? ''));
      const query = Object.entries(request.query ?? {})
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
        .join('&');
      const headers: Record<string, string> = options.officeKey ? { authorization: `Bearer ${options.officeKey}` } : {};
      // Only with a body: the server refuses an empty body declared as JSON.
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      const response = await options.fetch(`${baseUrl}${filled}${query ? `?${query}` : ''}`, {
        method,
        headers,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
      const text = await response.text();
      if (!response.ok) throw refusal(response.status, text);
      return JSON.parse(text) as unknown;
    };
  // One untyped call behind the typed ones: OfficeApi decides what each path takes and answers.
  return { get: call('GET'), post: call('POST'), put: call('PUT') } as OfficeClient;
}
