import type { CDPSession, Page } from '@playwright/test';

/** A key as Chromium's input layer takes it: what it types, and the physical key behind it. */
function keyOf(character: string): { key: string; code: string; text: string; windowsVirtualKeyCode: number } {
  if (character === '\r') return { key: 'Enter', code: 'Enter', text: '\r', windowsVirtualKeyCode: 13 };
  if (/^\d$/.test(character)) return { key: character, code: `Digit${character}`, text: character, windowsVirtualKeyCode: character.charCodeAt(0) };
  if (/^[A-Za-z]$/.test(character)) {
    const upper = character.toUpperCase();
    return { key: character, code: `Key${upper}`, text: character, windowsVirtualKeyCode: upper.charCodeAt(0) };
  }
  if (character === '-') return { key: '-', code: 'Minus', text: '-', windowsVirtualKeyCode: 189 };
  throw new Error(`A scanner here types digits, letters and '-', not ${JSON.stringify(character)}`);
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/** How far apart a scanner presses its keys, well inside the till's SCANNER_KEY_GAP_MS. */
const KEY_GAP_MS = 5;

/**
 * A keyboard-wedge scanner's burst: each code's characters and an Enter, typed wherever the focus is
 * (the till recognises the burst itself, see renderer/src/till/checkout/scanner.ts).
 *
 * A scanner does not wait for the till: its keys queue in the operating system and reach the page
 * one after another, however busy the page is, each stamped with when it was pressed. So every key
 * of the burst is handed to Chromium at once, pressed `KEY_GAP_MS` after the one before, and only
 * then is the handling awaited. Typing key by key through Playwright would wait a round trip per
 * key instead; on a loaded machine two keys could then come further apart than a scanner's, and the
 * burst would be a person typing.
 */
export async function scannerBurst(page: Page, codes: string[]): Promise<void> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  const cdp = await session;
  const keys = codes.flatMap((code) => [...code, '\r']).map(keyOf);
  // When each key is pressed and let go, in seconds since the epoch (as the protocol takes it).
  const start = Date.now();
  const at = (index: number, up: boolean) => (start + index * KEY_GAP_MS + (up ? 1 : 0)) / 1000;
  await Promise.all(
    keys.flatMap((key, index) => [
      cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key, unmodifiedText: key.text, timestamp: at(index, false) }),
      cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: key.key, code: key.code, windowsVirtualKeyCode: key.windowsVirtualKeyCode, timestamp: at(index, true) }),
    ]),
  );
}
