/**
 * The till's keys, as one table: each action with its key and when it applies. The till screen looks
 * a key press up here and does what the action names; nothing else decides what a key does.
 */

export type TillAction =
  | 'search'
  | 'shift'
  | 'park'
  | 'parked'
  | 'reprint'
  | 'printLast'
  | 'return'
  | 'sync'
  | 'discount'
  | 'customer'
  | 'pay'
  | 'voidCart'
  | 'voidLine';

/**
 * When an action applies:
 * - always: while a payment is being taken too (F2 back to the search box, F12 to pay);
 * - notPaying: not while a payment is being taken;
 * - notTyping: neither while paying nor with the focus in a field (where the key edits the field).
 */
export type KeyWhen = 'always' | 'notPaying' | 'notTyping';

export interface KeyBinding {
  action: TillAction;
  /** As KeyboardEvent.key names it. */
  key: string;
  /** With Ctrl held; without, the key counts only when Ctrl is not held (function keys count either way). */
  ctrl?: boolean;
  when: KeyWhen;
  /**
   * The key is the till's own: the browser's meaning of it (F5 reloads, F11 goes full screen) is
   * cancelled even when the action does not apply at that moment.
   */
  own: boolean;
  /** What it does, in the words the till shows beside the key. */
  label: string;
}

export const TILL_KEYS: readonly KeyBinding[] = [
  { key: 'F2', action: 'search', when: 'always', own: true, label: 'Find product or scan' },
  { key: 'F3', action: 'shift', when: 'notPaying', own: true, label: 'Shift' },
  { key: 'F4', action: 'park', when: 'notPaying', own: true, label: 'Park the cart' },
  { key: 'F5', action: 'parked', when: 'notPaying', own: true, label: 'Parked carts' },
  { key: 'F6', action: 'reprint', when: 'notPaying', own: true, label: 'Reprint a receipt' },
  { key: 'F7', action: 'printLast', when: 'notPaying', own: true, label: 'Print the last receipt' },
  { key: 'F8', action: 'return', when: 'notPaying', own: true, label: 'Return' },
  { key: 'F9', action: 'sync', when: 'notPaying', own: true, label: 'Sync' },
  { key: 'F10', action: 'discount', when: 'notPaying', own: true, label: 'Discount' },
  { key: 'F11', action: 'customer', when: 'notPaying', own: true, label: 'Customer' },
  { key: 'F12', action: 'pay', when: 'always', own: true, label: 'Pay' },
  { key: 'Delete', ctrl: true, action: 'voidCart', when: 'notPaying', own: true, label: 'Void the cart' },
  { key: 'Delete', action: 'voidLine', when: 'notTyping', own: false, label: 'Void the selected line' },
];

const FUNCTION_KEY = /^F\d{1,2}$/;

/** Whether a key is a function key (F1 to F24): while a dialog is up the till cancels them all. */
export function isFunctionKey(key: string): boolean {
  return FUNCTION_KEY.test(key);
}

/** The binding a key press names, if any. */
export function bindingFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey'>): KeyBinding | undefined {
  return TILL_KEYS.find((binding) => binding.key === event.key && (isFunctionKey(binding.key) || Boolean(binding.ctrl) === event.ctrlKey));
}

/** Whether a binding's action applies now. */
export function applies(binding: KeyBinding, now: { paying: boolean; typing: boolean }): boolean {
  if (binding.when === 'always') return true;
  if (binding.when === 'notPaying') return !now.paying;
  return !now.paying && !now.typing;
}

/** A letter, digit or sign typed with no modifier: with the focus on no field, the search box takes it. */
export function typesIntoSearch(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.altKey && !event.metaKey && event.key !== ' ';
}
