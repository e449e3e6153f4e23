import { officeClient, SyncError } from '../../../shared/src/index.js';

/** Told when the server no longer knows the caller (the session ended, the account was deactivated). */
let sessionEnded: (() => void) | undefined;

/** Whom to tell when any call is refused for want of a login: the app shows the login page. */
export function whenSessionEnds(handler: (() => void) | undefined): void {
  sessionEnded = handler;
}

/** Head office's API from its own page: the session cookie goes along, the same origin only. */
export const office = officeClient({
  fetch: async (url, init) => {
    const response = await fetch(url, { ...init, credentials: 'same-origin' });
    // A wrong password or setup token is the form's to say, not an ended session.
    if (response.status === 401 && !/^\/api\/office\/(login|setup)\b/.test(url)) sessionEnded?.();
    return response;
  },
});

/** Whether an error is the server saying the caller is not logged in (or no longer). */
export function loginNeeded(error: unknown): boolean {
  return error instanceof SyncError && error.status === 401;
}
