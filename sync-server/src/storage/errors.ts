/**
 * The database cannot be reached, or its connection was lost during a call: the server answers 503
 * with `retry-after` (http/errors.ts) and the till keeps its documents and sends them again. A
 * transaction that failed with it committed nothing.
 */
export class StorageUnavailableError extends Error {
  readonly code = 'storage_unavailable';

  constructor(
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageUnavailableError';
  }
}
