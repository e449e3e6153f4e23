import { describe, expect, it } from 'vitest';
import { assertPosChannel, isPosChannel, posChannels } from './channels.js';
import { RECEIPT_HTML_MAX_BYTES, receiptDataUrl } from './receipt.js';

describe('pos channels', () => {
  it('all carry the pos: prefix', () => {
    for (const channel of Object.values(posChannels)) expect(channel.startsWith('pos:')).toBe(true);
  });

  it('accepts only the known ones', () => {
    expect(isPosChannel('pos:print-receipt')).toBe(true);
    expect(isPosChannel('pos:app-version')).toBe(true);
    expect(isPosChannel('pos:credential-load')).toBe(true);
    expect(isPosChannel('pos:credential-save')).toBe(true);
    expect(isPosChannel('pos:credential-clear')).toBe(true);
    expect(isPosChannel('pos:open-drawer')).toBe(false);
    expect(isPosChannel('print-receipt')).toBe(false);
    expect(isPosChannel(42)).toBe(false);
    expect(() => assertPosChannel('ELECTRON_BROWSER_REQUIRE')).toThrow(/unknown IPC channel/);
  });
});

describe('receiptDataUrl', () => {
  it('wraps the receipt as a base64 HTML data URL, keeping non-ASCII text', () => {
    const html = '<p>Total € 12,50 — Danke</p>';
    const url = receiptDataUrl(html);
    const prefix = 'data:text/html;charset=utf-8;base64,';
    expect(url.startsWith(prefix)).toBe(true);
    expect(Buffer.from(url.slice(prefix.length), 'base64').toString('utf8')).toBe(html);
  });

  it('refuses anything but a non-empty string within the size limit', () => {
    expect(() => receiptDataUrl(undefined)).toThrow(TypeError);
    expect(() => receiptDataUrl({ html: '<p>' })).toThrow(TypeError);
    expect(() => receiptDataUrl('')).toThrow(RangeError);
    expect(() => receiptDataUrl('x'.repeat(RECEIPT_HTML_MAX_BYTES + 1))).toThrow(RangeError);
    // Within the limit, the URL stays under Chromium's 2 MiB cap.
    expect(receiptDataUrl('x'.repeat(RECEIPT_HTML_MAX_BYTES)).length).toBeLessThan(2 * 1024 * 1024);
  });
});
