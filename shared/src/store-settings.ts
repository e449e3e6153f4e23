import { dec, isDecimalString } from './money.js';
import type { Product, Store } from './schemas/index.js';
import { schemaProblems, unknownFields } from './validate.js';

/*
 * What head office may set on a store, checked the same wherever it is set: the server refuses a
 * change with these reasons, and a form can show them beside its fields before sending.
 */

/** What head office may set on a store, in the order the office page shows it. */
export const STORE_SETTINGS = ['discountLimits', 'cashRounding', 'limits', 'address', 'vatNumber', 'receiptFooter', 'locale', 'timeZone', 'largestNote', 'blindClose', 'quickKeys', 'negativeStock'] as const;
export type StoreSetting = (typeof STORE_SETTINGS)[number];

/** A change of store settings: only the settings named change, and null removes one (the till's default applies). */
export type StoreSettingsChange = { [Setting in StoreSetting]?: Store[Setting] | null };

/** The products a change's quick keys name, as far as the check needs them: a refusal names the product taken twice. */
export type QuickKeyProducts = ReadonlyMap<string, Pick<Product, 'id' | 'name' | 'sku'>>;

/** A store with a change applied, or why the change was refused (each problem named by its setting). */
export type CheckedStore = { store: Store } | { problems: string[] };

/** The largest discount limit head office can set: a whole price. */
const MAX_PERCENT = 100;

/** The receipts' texts, with the most characters each may have (as the store schema says). */
const RECEIPT_TEXTS = { address: 300, vatNumber: 32, receiptFooter: 500 } as const;

/**
 * Far above any note printed anywhere (the largest in circulation are around 10,000 in their
 * currency), yet a bound: change up to it raises no exception.
 */
const MOST_LARGEST_NOTE = '1000000';

/** As many as the store schema allows: six rows of eight buttons fill a till's first screen. */
const MOST_QUICK_KEYS = 48;
const MOST_QUICK_KEY_LABEL = 24;

/**
 * The tag a store's locale is kept as ("de-de" becomes "de-DE"), or undefined when it is no BCP 47
 * tag or this runtime's Intl cannot write dates in it: the office page, whose browser may know more,
 * must not set what the receipts cannot print.
 */
function canonicalLocale(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 35) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    return canonical !== undefined && Intl.DateTimeFormat.supportedLocalesOf(canonical).length > 0 ? canonical : undefined;
  } catch {
    return undefined;
  }
}

/** True when text holds a control character other than a new line (tabs, escapes, carriage returns, DEL). */
function hasControlCharacters(text: string): boolean {
  return [...text].some((character) => {
    const code = character.codePointAt(0)!;
    return (code < 0x20 && character !== '\n') || code === 0x7f;
  });
}

/** The IANA name a store's time zone is kept as ("europe/berlin" becomes "Europe/Berlin"), or undefined for none Intl knows. */
function canonicalTimeZone(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function asFields(value: unknown): Record<string, unknown> {
  return (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
}

/**
 * The product ids a change's quick keys name, for the caller to look up before `storeWithSettings`
 * (none when the quick keys are refused before any product is looked at).
 */
export function quickKeyProductIds(settings: unknown): string[] {
  const keys = asFields(settings).quickKeys;
  if (!Array.isArray(keys) || keys.length > MOST_QUICK_KEYS) return [];
  return keys.map((key: unknown) => asFields(key).productId).filter((id): id is string => typeof id === 'string');
}

/**
 * Applies a change of a store's discount limits (percent each role may give alone), cash rounding
 * (the step cash payments are rounded to), plausibility limits (the most on one line and on one
 * document), what its receipts print (address, VAT number, footer), how it writes dates and amounts
 * (locale, time zone), the largest note it takes, whether its cashiers count the drawer blind, and
 * the quick keys on its tills' first screen. Only the settings named change; null removes one, so
 * the till's defaults apply. Every problem is named by its setting, and one refuses the whole change.
 * `products` holds the products the quick keys name (see quickKeyProductIds); any other is unknown.
 */
export function storeWithSettings(store: Store, settings: unknown, products: QuickKeyProducts): CheckedStore {
  const fields = asFields(settings);
  const problems = unknownFields(fields, STORE_SETTINGS);
  if (!settings || typeof settings !== 'object' || Array.isArray(settings)) problems.push(`the body is an object of the settings to change: ${STORE_SETTINGS.join(', ')}`);
  const updated: Record<string, unknown> = { ...store };
  /** A setting that is an object of named figures, or null to remove it; each figure checked by `figureProblem`. */
  const objectSetting = (name: 'discountLimits' | 'limits', shape: string, figureProblem: (key: string, value: unknown) => string | undefined) => {
    const value = fields[name];
    const keys = name === 'discountLimits' ? ['cashier', 'supervisor'] : ['lineQuantity', 'documentAmount'];
    if (value === null) delete updated[name];
    else if (!value || typeof value !== 'object' || Array.isArray(value)) problems.push(`${name}: an object ${shape}, or null`);
    else {
      const given = value as Record<string, unknown>;
      problems.push(...unknownFields(given, keys).map((problem) => `${name}.${problem}`));
      for (const key of keys) {
        const problem = figureProblem(key, given[key]);
        if (problem) problems.push(`${name}.${key}: ${problem}`);
      }
      updated[name] = Object.fromEntries(keys.map((key) => [key, given[key]]));
    }
  };
  if ('discountLimits' in fields) {
    objectSetting('discountLimits', '{ cashier, supervisor } of percents', (_role, percent) =>
      !isDecimalString(percent) || dec(percent).lt(0) || dec(percent).gt(MAX_PERCENT)
        ? `a percent from 0 to ${MAX_PERCENT} as a decimal string such as "10" (is ${JSON.stringify(percent ?? null)})`
        : undefined,
    );
  }
  if ('cashRounding' in fields) {
    const step = fields.cashRounding;
    if (step === null) delete updated.cashRounding;
    else if (!isDecimalString(step) || !dec(step).gt(0)) problems.push(`cashRounding: a step greater than 0 as a decimal string such as "0.05", or null (is ${JSON.stringify(step)})`);
    // A step finer than the currency's smallest unit could never be paid in coins.
    else if (dec(step).decimalPlaces() > store.pricing.currencyDecimals) problems.push(`cashRounding: ${step} has more decimals than the currency's ${store.pricing.currencyDecimals}`);
    else updated.cashRounding = step;
  }
  if ('limits' in fields) {
    // Far above any shop, yet a bound: a setting of 10^30 would let through what the limits are for.
    // A line never holds more than head office may receive in one stock document.
    const ceilings: Record<string, { most: string; example: string; decimals: number; finer: string }> = {
      lineQuantity: { most: '1000000000', example: '10000', decimals: 3, finer: 'more than 3 decimals (grams)' },
      documentAmount: { most: '1000000000000', example: '1000000', decimals: store.pricing.currencyDecimals, finer: `more decimals than the currency's ${store.pricing.currencyDecimals}` },
    };
    objectSetting('limits', '{ lineQuantity, documentAmount } of decimal strings', (field, value) => {
      const { most, example, decimals, finer } = ceilings[field];
      if (!isDecimalString(value) || !dec(value).gt(0) || dec(value).gt(dec(most))) {
        return `greater than 0 and at most ${most} as a decimal string such as "${example}" (is ${JSON.stringify(value ?? null)})`;
      }
      return dec(value).decimalPlaces() > decimals ? `${value} has ${finer}` : undefined;
    });
  }
  problems.push(...counterSettingProblems(fields, store, updated, products));
  if (problems.length === 0) problems.push(...schemaProblems('stores', updated));
  return problems.length > 0 ? { problems } : { store: updated as Store };
}

/**
 * Checks the counter's settings named in `fields` (receipt texts, locale, time zone, largest note,
 * blind close, quick keys) and writes the good ones into `updated` (null removes one); answers the
 * problems, each named by its setting.
 */
function counterSettingProblems(fields: Record<string, unknown>, store: Store, updated: Record<string, unknown>, products: QuickKeyProducts): string[] {
  const problems: string[] = [];
  const shown = (value: unknown) => JSON.stringify(value ?? null);
  const decimals = store.pricing.currencyDecimals;
  for (const [name, most] of Object.entries(RECEIPT_TEXTS)) {
    if (!(name in fields)) continue;
    const value = fields[name];
    if (value === null || (typeof value === 'string' && value.trim() === '')) delete updated[name];
    else if (typeof value !== 'string') problems.push(`${name}: text of at most ${most} characters, or null (is ${shown(value)})`);
    else if ([...value].length > most) problems.push(`${name}: at most ${most} characters (is ${[...value].length})`);
    // A receipt printer takes control characters as commands (ESC/POS opens the drawer, cuts the paper).
    else if (hasControlCharacters(value)) problems.push(`${name}: printable text and new lines only`);
    else if (name === 'vatNumber' && value.includes('\n')) problems.push('vatNumber: one line');
    else updated[name] = value;
  }
  if ('locale' in fields) {
    const locale = canonicalLocale(fields.locale);
    if (fields.locale === null) delete updated.locale;
    else if (!locale) problems.push(`locale: a language and region this server can write dates in, such as "de-DE" or "en-GB", or null (is ${shown(fields.locale)})`);
    else updated.locale = locale;
  }
  if ('timeZone' in fields) {
    const timeZone = canonicalTimeZone(fields.timeZone);
    if (fields.timeZone === null) delete updated.timeZone;
    else if (!timeZone) problems.push(`timeZone: an IANA time zone such as "Europe/Berlin", or null (is ${shown(fields.timeZone)})`);
    else updated.timeZone = timeZone;
  }
  if ('largestNote' in fields) {
    const note = fields.largestNote;
    if (note === null) delete updated.largestNote;
    else if (!isDecimalString(note) || !dec(note).gt(0) || dec(note).gt(dec(MOST_LARGEST_NOTE))) {
      problems.push(`largestNote: greater than 0 and at most ${MOST_LARGEST_NOTE} as a decimal string such as "200", or null (is ${shown(note)})`);
    } else if (dec(note).decimalPlaces() > decimals) problems.push(`largestNote: ${note} has more decimals than the currency's ${decimals}`);
    else updated.largestNote = note;
  }
  if ('negativeStock' in fields) {
    // Every store has a policy: it is changed, never removed.
    if (fields.negativeStock !== 'warn' && fields.negativeStock !== 'block') problems.push(`negativeStock: "warn" (the till warns and sells) or "block" (the till refuses what it has not got) (is ${shown(fields.negativeStock)})`);
    else updated.negativeStock = fields.negativeStock;
  }
  if ('blindClose' in fields) {
    if (fields.blindClose === null) delete updated.blindClose;
    else if (typeof fields.blindClose !== 'boolean') problems.push(`blindClose: true or false, or null (is ${shown(fields.blindClose)})`);
    else updated.blindClose = fields.blindClose;
  }
  if ('quickKeys' in fields) {
    const keys = fields.quickKeys;
    if (keys === null) delete updated.quickKeys;
    else if (!Array.isArray(keys)) problems.push(`quickKeys: a list of { productId, label } (label optional), or null (is ${shown(keys)})`);
    else if (keys.length > MOST_QUICK_KEYS) problems.push(`quickKeys: at most ${MOST_QUICK_KEYS} (is ${keys.length})`);
    else {
      const keyed = new Map<string, number>();
      const quickKeys: { productId: string; label?: string }[] = [];
      keys.forEach((key: unknown, index) => {
        const place = `quickKeys[${index}]`;
        if (!key || typeof key !== 'object' || Array.isArray(key)) {
          problems.push(`${place}: an object { productId, label }, label optional (is ${shown(key)})`);
          return;
        }
        const { productId, label } = key as Record<string, unknown>;
        problems.push(...unknownFields(key as Record<string, unknown>, ['productId', 'label']).map((problem) => `${place}.${problem}`));
        const product = typeof productId === 'string' ? products.get(productId) : undefined;
        if (!product) problems.push(`${place}.productId: no product ${shown(productId)}`);
        else if (keyed.has(product.id)) problems.push(`${place}.productId: ${product.name} (${product.sku}) has quick key ${keyed.get(product.id)! + 1} already`);
        else keyed.set(product.id, index);
        const trimmed = typeof label === 'string' ? label.trim() : '';
        if (label !== undefined && label !== null && (trimmed === '' || [...trimmed].length > MOST_QUICK_KEY_LABEL)) {
          problems.push(`${place}.label: 1 to ${MOST_QUICK_KEY_LABEL} characters, or left out for the product's name (is ${shown(label)})`);
        }
        if (product) quickKeys.push(trimmed ? { productId: product.id, label: trimmed } : { productId: product.id });
      });
      updated.quickKeys = quickKeys;
    }
  }
  return problems;
}

/**
 * A store with the layout its scales print labels in (prefixes 20 to 29: weight or price, and how
 * many digits name the item), or why the layout was refused.
 */
export function storeWithScaleBarcodes(store: Store, layout: unknown): CheckedStore {
  const updated = { ...store, scaleBarcodes: layout } as Store;
  const problems = schemaProblems('stores', updated);
  const checked = updated.scaleBarcodes;
  if (problems.length === 0 && checked && new Set(checked.prefixes.map((entry) => entry.prefix)).size !== checked.prefixes.length) problems.push('scaleBarcodes.prefixes: a prefix appears twice');
  // Twelve digits come before the check digit: prefix and item take at most ten, so the value has at least two.
  if (problems.length === 0 && checked && checked.prefixes.some((entry) => entry.prefix.length + checked.itemDigits > 10)) problems.push('scaleBarcodes.itemDigits: leaves too few digits for the value');
  return problems.length > 0 ? { problems } : { store: updated };
}
