import { describe, expect, it } from 'vitest';
import { applies, bindingFor, isFunctionKey, TILL_KEYS, typesIntoSearch } from './keys.js';

const press = (key: string, ctrlKey = false) => ({ key, ctrlKey });

describe("the till's key table", () => {
  it('gives each key one action, and F2 to F12 each their own', () => {
    const keys = TILL_KEYS.map((binding) => `${binding.ctrl ? 'Ctrl+' : ''}${binding.key}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(TILL_KEYS.filter((binding) => isFunctionKey(binding.key)).map((binding) => binding.key)).toEqual(['F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12']);
    expect(new Set(TILL_KEYS.map((binding) => binding.action)).size).toBe(TILL_KEYS.length);
  });

  it('finds a function key with or without Ctrl, and tells Ctrl+Delete (the cart) from Delete (a line)', () => {
    expect(bindingFor(press('F12'))?.action).toBe('pay');
    expect(bindingFor(press('F8', true))?.action).toBe('return');
    expect(bindingFor(press('Delete', true))?.action).toBe('voidCart');
    expect(bindingFor(press('Delete'))?.action).toBe('voidLine');
    expect(bindingFor(press('F1'))).toBeUndefined();
    expect(bindingFor(press('a'))).toBeUndefined();
  });

  it('takes the search box and payment keys while paying, the rest only when not, and Delete never inside a field', () => {
    const paying = { paying: true, typing: false };
    const typing = { paying: false, typing: true };
    const idle = { paying: false, typing: false };
    expect(applies(bindingFor(press('F2'))!, paying)).toBe(true);
    expect(applies(bindingFor(press('F12'))!, paying)).toBe(true);
    expect(applies(bindingFor(press('F8'))!, paying)).toBe(false);
    expect(applies(bindingFor(press('F8'))!, typing)).toBe(true);
    expect(applies(bindingFor(press('Delete', true))!, typing)).toBe(true);
    expect(applies(bindingFor(press('Delete'))!, typing)).toBe(false);
    expect(applies(bindingFor(press('Delete'))!, idle)).toBe(true);
    // The browser's own meaning of every function key the till uses is cancelled (F5 would reload it).
    expect(TILL_KEYS.filter((binding) => isFunctionKey(binding.key)).every((binding) => binding.own)).toBe(true);
    expect(bindingFor(press('Delete'))!.own).toBe(false);
  });

  it('sends a letter or digit typed elsewhere to the search box, but not a space, a shortcut or a named key', () => {
    const typed = (key: string, modifiers: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) =>
      typesIntoSearch({ key, ctrlKey: false, altKey: false, metaKey: false, ...modifiers });
    expect(typed('7')).toBe(true);
    expect(typed('m')).toBe(true);
    expect(typed(' ')).toBe(false);
    expect(typed('c', { ctrlKey: true })).toBe(false);
    expect(typed('Enter')).toBe(false);
  });
});
