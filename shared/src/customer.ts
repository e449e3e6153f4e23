/**
 * Customers are written at the tills (offline too) and at head office, so two writers may change the
 * same customer before either hears of the other. They are merged field by field: every field carries
 * when it was last changed (`changedAt`, the writer's clock), and the newest change of each field
 * wins. The merge is a pure function of the two versions, commutative, associative and idempotent, so
 * the server, every till and head office end with the same customer whatever order the versions meet
 * in. Likely duplicates (the same phone or e-mail in one store) are flagged, never refused: a till
 * records the customer in front of it, and head office merges the two later.
 */
import type { Customer } from './schemas/index.js';
import { schemaProblems } from './validate.js';

/** The fields people edit, each merged on its own. */
export const CUSTOMER_FIELDS = ['name', 'phone', 'email', 'note'] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];
/** The fields that may be left empty (name may not). */
export type OptionalCustomerField = Exclude<CustomerField, 'name'>;
const OPTIONAL_FIELDS: readonly OptionalCustomerField[] = ['phone', 'email', 'note'];

/** The schema's limit on `possibleDuplicates`: a customer with more look-alikes shows the first 20. */
export const MAX_POSSIBLE_DUPLICATES = 20;

/** A new customer's details as a person types them. */
export interface CustomerFields {
  name: string;
  phone?: string;
  email?: string;
  note?: string;
}

/** Changes to a customer: a field left out stays as it is; null or an empty string clears it. */
export interface CustomerChanges {
  name?: string;
  phone?: string | null;
  email?: string | null;
  note?: string | null;
}

export class CustomerError extends Error {
  override name = 'CustomerError';
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/** One field of one version: its value (absent when empty or cleared) and when it was last changed. */
interface FieldVersion {
  value: string | undefined;
  changedAt: string | undefined;
}

function fieldOf(customer: Customer, field: CustomerField): FieldVersion {
  const raw = customer[field];
  // An empty optional field is no value: "" and a missing field merge alike.
  return { value: typeof raw === 'string' && raw !== '' ? raw : undefined, changedAt: customer.changedAt?.[field] };
}

/** A timestamp as milliseconds; one that does not read as a time is older than any that does. */
function timeOf(changedAt: string | undefined): number {
  if (changedAt === undefined) return -Infinity;
  const time = Date.parse(changedAt);
  return Number.isNaN(time) ? -Infinity : time;
}

/** Plain code-unit order, the same on every machine (localeCompare is not). */
function compareText(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/**
 * Which version of a field is newer: the later changedAt; at the same instant the later timestamp
 * text, then the greater value (a value beats none). Every machine decides a tie the same way, so all
 * of them converge on one value.
 */
function newer(a: FieldVersion, b: FieldVersion): FieldVersion {
  const byTime = timeOf(a.changedAt) - timeOf(b.changedAt);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime > 0 ? a : b;
  const byText = compareText(a.changedAt, b.changedAt);
  if (byText !== 0) return byText > 0 ? a : b;
  return compareText(a.value, b.value) >= 0 ? a : b;
}

/** Who recorded the customer first: the earlier createdAt, then createdBy and storeId, so the choice is symmetric. */
function compareOrigin(a: Customer, b: Customer): number {
  return timeOf(a.createdAt) - timeOf(b.createdAt) || compareText(a.createdAt, b.createdAt) || compareText(a.createdBy, b.createdBy) || compareText(a.storeId, b.storeId);
}

function sortedIds(ids: Iterable<string>, without?: string): string[] {
  return [...new Set(ids)].filter((id) => id !== without).sort(compareText);
}

/**
 * Merges two versions of one customer, field by field: for name, phone, e-mail and note the newest
 * change wins (see `newer` for ties). A field one side has and the other never had is kept; a field
 * one side cleared after the other set it is cleared (the clear is a change with its own changedAt).
 * Where the customer came from (store, createdAt, createdBy) is the first recording's. The server's
 * `possibleDuplicates` flags are united here and recomputed by the server after every write.
 *
 * Commutative, associative and idempotent: merge(a, b) = merge(b, a), merge(a, merge(b, c)) =
 * merge(merge(a, b), c), merge(a, a) = a (tidied: empty optional fields dropped).
 */
export function mergeCustomer(stored: Customer | undefined, incoming: Customer): Customer {
  const versions = stored ? [stored, incoming] : [incoming];
  const origin = [...versions].sort(compareOrigin)[0];
  const merged: Customer = {
    id: sortedIds(versions.map((version) => version.id))[0],
    storeId: origin.storeId,
    name: '',
    changedAt: { name: '' },
    createdAt: origin.createdAt,
    createdBy: origin.createdBy,
  };
  const changedAt: Record<string, string> = {};
  for (const field of CUSTOMER_FIELDS) {
    const winner = versions.map((version) => fieldOf(version, field)).reduce(newer);
    if (winner.value !== undefined) merged[field] = winner.value;
    if (winner.changedAt !== undefined) changedAt[field] = winner.changedAt;
  }
  merged.changedAt = changedAt as Customer['changedAt'];
  const duplicates = sortedIds(
    versions.flatMap((version) => version.possibleDuplicates ?? []),
    merged.id,
  ).slice(0, MAX_POSSIBLE_DUPLICATES);
  if (duplicates.length > 0) merged.possibleDuplicates = duplicates;
  return merged;
}

/**
 * When a field changed at `at` is recorded as changed: at `at`, or just after the change it replaces
 * when the writer's clock is behind that one. An edit made on top of a version always wins over it,
 * so a till whose clock is slow never sees its own edit undone by the version it edited.
 */
function changeTime(at: string, previous: string | undefined): string {
  const after = timeOf(previous) + 1;
  return timeOf(at) >= after ? at : new Date(after).toISOString();
}

function tidyValue(value: string | null | undefined): string | undefined {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' ? undefined : trimmed;
}

/** A customer first recorded now: every field given carries `at` as its changedAt. Not validated here (see customerProblems). */
export function newCustomer(fields: CustomerFields, recorded: { id: string; storeId: string; createdBy: string; at: string }): Customer {
  const customer: Customer = {
    id: recorded.id,
    storeId: recorded.storeId,
    name: typeof fields.name === 'string' ? fields.name.trim() : '',
    changedAt: { name: recorded.at },
    createdAt: recorded.at,
    createdBy: recorded.createdBy,
  };
  for (const field of OPTIONAL_FIELDS) {
    const value = tidyValue(fields[field]);
    if (value === undefined) continue;
    customer[field] = value;
    customer.changedAt[field] = recorded.at;
  }
  return customer;
}

/**
 * The customer with `changes` applied at `at`: only a field whose value really changes gets a new
 * changedAt (see changeTime), so an edit never claims fields it did not touch and a merge keeps
 * what others changed meanwhile. Values are trimmed; null or "" clears an optional field. Answers
 * the same object when nothing changes. Not validated here (see customerProblems).
 */
export function editCustomer(current: Customer, changes: CustomerChanges, at: string): Customer {
  let edited: Customer | undefined;
  for (const field of CUSTOMER_FIELDS) {
    if (!(field in changes) || changes[field] === undefined) continue;
    const value = field === 'name' ? (typeof changes.name === 'string' ? changes.name.trim() : '') : tidyValue(changes[field]);
    if (value === fieldOf(current, field).value) continue;
    edited ??= { ...current, changedAt: { ...current.changedAt } };
    if (value === undefined) delete edited[field as OptionalCustomerField];
    else edited[field] = value;
    edited.changedAt[field] = changeTime(at, current.changedAt[field]);
  }
  return edited ?? current;
}

/**
 * Head office merges `duplicate` into `keep`: keep's values stand, a field only the duplicate has is
 * taken over, and two different notes are both kept. Every field of the result is recorded as changed
 * at `at` (or just after its last change), so a till that edits the merged-away customer from an
 * older version cannot overturn head office's choice; only changes made after the merge carry over.
 */
export function absorbCustomer(keep: Customer, duplicate: Customer, at: string): Customer {
  const kept: Customer = { ...keep, changedAt: { ...keep.changedAt } };
  for (const field of OPTIONAL_FIELDS) {
    const mine = fieldOf(keep, field).value;
    const theirs = fieldOf(duplicate, field).value;
    if (mine === undefined && theirs !== undefined) kept[field] = theirs;
    else if (field === 'note' && mine !== undefined && theirs !== undefined && mine !== theirs) kept.note = `${mine}\n${theirs}`.slice(0, 500);
  }
  for (const field of CUSTOMER_FIELDS) {
    if (fieldOf(kept, field).value === undefined) continue;
    const previous = [keep.changedAt[field], duplicate.changedAt[field]].reduce<string | undefined>((a, b) => (timeOf(a) >= timeOf(b) ? a : b), undefined);
    kept.changedAt[field] = changeTime(at, previous);
  }
  const duplicates = (keep.possibleDuplicates ?? []).filter((id) => id !== duplicate.id);
  if (duplicates.length > 0) kept.possibleDuplicates = duplicates;
  else delete kept.possibleDuplicates;
  return kept;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()./-]+$/;
/** The fewest and most digits a phone number may have: short internal numbers to E.164's 15 with an extension. */
const PHONE_DIGITS = { min: 5, max: 20 } as const;

/**
 * Problems with a customer beyond its schema (which is checked first): a name that is only spaces,
 * an e-mail address without a user, @ and domain, a phone number with letters or too few or many
 * digits, timestamps that are not times, a field given without when it was changed. The till checks
 * before it writes, the server before it stores, with the same words.
 */
export function customerProblems(candidate: unknown): string[] {
  const problems = schemaProblems('customers', candidate);
  if (problems.length > 0) return problems;
  const customer = candidate as Customer;
  if (customer.name.trim() === '') problems.push('name: must not be blank');
  const email = customer.email?.trim();
  if (email && !EMAIL.test(email)) problems.push(`email: "${email}" is not an e-mail address such as name@example.com`);
  const phone = customer.phone?.trim();
  if (phone) {
    const digits = phone.replace(/\D/g, '').length;
    if (!PHONE.test(phone)) problems.push(`phone: "${phone}" may hold only digits, spaces, a leading + and ( ) . / -`);
    else if (digits < PHONE_DIGITS.min || digits > PHONE_DIGITS.max) problems.push(`phone: "${phone}" has ${digits} digits; a phone number has ${PHONE_DIGITS.min} to ${PHONE_DIGITS.max}`);
  }
  for (const field of CUSTOMER_FIELDS) {
    const changedAt = customer.changedAt[field];
    if (changedAt !== undefined && Number.isNaN(Date.parse(changedAt))) problems.push(`changedAt.${field}: "${changedAt}" is not a time`);
    if (changedAt === undefined && fieldOf(customer, field).value !== undefined) problems.push(`changedAt.${field}: missing, but ${field} is given`);
  }
  if (Number.isNaN(Date.parse(customer.createdAt))) problems.push(`createdAt: "${customer.createdAt}" is not a time`);
  return problems;
}

/**
 * A phone number or e-mail address as duplicates are compared: a phone's digits, with a leading + read
 * as 00 ("+49 170 1234567" and "0049-170-1234567" are one number); an e-mail address trimmed and
 * lower-cased. Undefined when there is nothing to compare (no value, fewer than six digits, no @). A
 * national number ("0170 …") is not matched to its international form: that needs the country.
 */
export function normaliseForDuplicates(field: 'phone' | 'email', value: string | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (field === 'email') {
    const email = value.trim().toLowerCase();
    return email.includes('@') ? email : undefined;
  }
  const trimmed = value.trim();
  const digits = (trimmed.startsWith('+') ? '00' : '') + trimmed.replace(/\D/g, '');
  return digits.length >= 6 ? digits : undefined;
}

/** What duplicates are looked for in: a customer's id, store and contact details. */
export type DuplicateCandidate = Pick<Customer, 'id' | 'storeId' | 'phone' | 'email'>;

/** Customers of one store sharing one normalised phone number or e-mail address. */
export interface DuplicateGroup {
  storeId: string;
  field: 'phone' | 'email';
  /** The normalised phone or e-mail they share. */
  value: string;
  /** Sorted. */
  customerIds: string[];
}

/** One normalised phone number or e-mail address of a customer: customers with the same key look alike. */
export interface DuplicateKey {
  field: 'phone' | 'email';
  value: string;
}

const DUPLICATE_FIELDS = ['phone', 'email'] as const;

/** The keys a customer is compared by (see normaliseForDuplicates): none, one or both of phone and e-mail. */
export function duplicateKeys(customer: Pick<Customer, 'phone' | 'email'>): DuplicateKey[] {
  const keys: DuplicateKey[] = [];
  for (const field of DUPLICATE_FIELDS) {
    const value = normaliseForDuplicates(field, customer[field]);
    if (value !== undefined) keys.push({ field, value });
  }
  return keys;
}

/** Every group of two or more customers of one store with the same phone number or e-mail address, by store, field and value. */
export function duplicateGroups(customers: Iterable<DuplicateCandidate>): DuplicateGroup[] {
  const groups = new Map<string, DuplicateGroup>();
  for (const customer of customers) {
    for (const { field, value } of duplicateKeys(customer)) {
      const key = `${customer.storeId}\u0000${field}\u0000${value}`;
      const group = groups.get(key) ?? { storeId: customer.storeId, field, value, customerIds: [] };
      group.customerIds.push(customer.id);
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .map((group) => ({ ...group, customerIds: sortedIds(group.customerIds) }))
    .filter((group) => group.customerIds.length > 1)
    .sort((a, b) => compareText(a.storeId, b.storeId) || compareText(a.field, b.field) || compareText(a.value, b.value));
}

/**
 * The flags of the customers in `groups` (each the ids of one store's customers sharing one key):
 * for each customer in a group with others, the sorted ids of the others in any of its groups, at
 * most MAX_POSSIBLE_DUPLICATES. A customer's flags are complete only when every group it is in is
 * given, so the server can recompute the flags of a few customers from their groups alone.
 */
export function possibleDuplicatesIn(groups: Iterable<{ customerIds: readonly string[] }>): Map<string, string[]> {
  const others = new Map<string, Set<string>>();
  for (const group of groups) {
    const ids = new Set(group.customerIds);
    if (ids.size < 2) continue;
    for (const id of ids) {
      const set = others.get(id) ?? new Set<string>();
      for (const other of ids) if (other !== id) set.add(other);
      others.set(id, set);
    }
  }
  return new Map([...others].map(([id, set]) => [id, sortedIds(set).slice(0, MAX_POSSIBLE_DUPLICATES)]));
}

/**
 * Likely duplicates: for each customer that has any, the sorted ids of the other customers of its
 * store with the same normalised phone or the same lower-cased e-mail (at most
 * MAX_POSSIBLE_DUPLICATES). Customers without look-alikes are not in the map.
 */
export function findLikelyDuplicates(customers: Iterable<DuplicateCandidate>): Map<string, string[]> {
  return possibleDuplicatesIn(duplicateGroups(customers));
}
