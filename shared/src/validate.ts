import { Validator, type OutputUnit } from '@cfworker/json-schema';
import { dec, sum } from './money.js';
import { checkSaleArithmetic } from './sale.js';
import { collectionSchemas, toValidationSchema, type CollectionName, type Sale, type ShiftEvent } from './schemas/index.js';

/*
 * One validator for the till and the server, from the same schema literals. It interprets the schema
 * instead of compiling code, so it runs under the till's strict Content-Security-Policy (no eval).
 */

const validators = new Map<CollectionName, Validator>();

function validatorFor(collection: CollectionName): Validator {
  let validator = validators.get(collection);
  if (!validator) {
    validator = new Validator(toValidationSchema(collectionSchemas[collection]) as object, '2020-12', false);
    validators.set(collection, validator);
  }
  return validator;
}

/** Wrapper errors ("property x does not match") only repeat the specific error beneath them. */
const WRAPPER_KEYWORDS = new Set(['properties', 'items', 'prefixItems', 'false', 'allOf', '$ref']);

function describe(unit: OutputUnit): string {
  const where = unit.instanceLocation === '#' ? 'document' : unit.instanceLocation.slice(2).replaceAll('/', '.');
  if (unit.keyword === 'additionalProperties') {
    const field = /Property "([^"]+)"/.exec(unit.error)?.[1];
    return `${where}: unknown field "${field ?? '?'}"`;
  }
  if (unit.keyword === 'required') {
    const field = /property "([^"]+)"/.exec(unit.error)?.[1];
    return `${where}: missing field "${field ?? '?'}"`;
  }
  if (unit.keyword === 'pattern') return `${where}: must be a decimal string such as "12.50"`;
  return `${where}: ${unit.error}`;
}

/** Removes RxDB's bookkeeping fields (`_deleted`, `_meta`, `_rev`, `_attachments`). */
export function withoutInternalFields(document: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_')));
}

/** A request's body as the fields it names: anything but a plain object names none. */
export function fieldsOf(input: unknown): Record<string, unknown> {
  return (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
}

/** One problem per field of `fields` not among `known`: a form or a request names only what it may set. */
export function unknownFields(fields: Record<string, unknown>, known: readonly string[]): string[] {
  return Object.keys(fields)
    .filter((key) => !known.includes(key))
    .map((key) => `unknown field "${key}"`);
}

/** Problems of a document against its collection's shared JSON schema; empty when it conforms. */
export function schemaProblems(collection: CollectionName, document: unknown): string[] {
  const result = validatorFor(collection).validate(document);
  if (result.valid) return [];
  return [...new Set(result.errors.filter((unit) => !WRAPPER_KEYWORDS.has(unit.keyword)).map(describe))];
}

/** Schema first, then the arithmetic every sale must satisfy, whoever made it. */
export function saleProblems(document: unknown): string[] {
  const problems = schemaProblems('sales', document);
  if (problems.length > 0) return problems;
  return checkSaleArithmetic(document as Sale);
}

/**
 * Schema first, then what each kind of shift event must carry and how its own figures add up: the
 * same rules the server applies to a pushed event, so the till never writes one it would refuse.
 * Expected cash is not recomputed here (that needs the shift's sales; see closeProblems in shift.ts).
 */
export function shiftEventProblems(document: unknown): string[] {
  const problems = schemaProblems('shiftEvents', document);
  return problems.length > 0 ? problems : shiftEventRuleProblems(document as ShiftEvent);
}

/**
 * What each kind of shift event must carry and how its own figures add up, for an event the schema
 * already accepted. The till checks before it writes, the server when it receives; one set of rules.
 */
export function shiftEventRuleProblems(event: ShiftEvent): string[] {
  const problems: string[] = [];
  const nonNegative = (field: string, value: string | undefined) => {
    if (value !== undefined && dec(value).isNegative()) problems.push(`${field}: must not be negative (is ${value})`);
  };
  nonNegative('amount', event.amount);
  nonNegative('countedCash', event.countedCash);
  event.counted?.forEach((entry, index) => {
    if (!dec(entry.denomination).gt(0)) problems.push(`counted.${index}.denomination: must be more than 0 (is ${entry.denomination})`);
  });
  event.lines?.forEach((line, index) => {
    nonNegative(`lines.${index}.quantity`, line.quantity);
    nonNegative(`lines.${index}.gross`, line.gross);
  });
  const required = (field: keyof ShiftEvent) => {
    if (event[field] === undefined) problems.push(`${event.kind} events carry ${field}`);
  };
  const counted = sum((event.counted ?? []).map((entry) => dec(entry.denomination).mul(entry.count)));
  switch (event.kind) {
    case 'open':
      required('amount');
      if (event.shiftId !== event.id) problems.push(`an open event is its shift's first: shiftId must be its own id "${event.id}", not "${event.shiftId}"`);
      if (event.amount !== undefined && event.counted && !counted.eq(dec(event.amount))) problems.push(`the float counted by denomination is ${counted.toFixed()}, but amount says ${event.amount}`);
      break;
    case 'cash-in':
    case 'cash-out':
      required('amount');
      if (event.amount !== undefined && !dec(event.amount).gt(0)) problems.push(`a ${event.kind} moves more than 0 (amount is ${event.amount})`);
      if (!event.reason?.trim()) problems.push(`a ${event.kind} says why: reason must not be empty`);
      break;
    case 'void':
      if (!event.lines || event.lines.length === 0) problems.push('a void carries the lines of the cart voided');
      break;
    case 'close':
      for (const field of ['counted', 'expectedCash', 'countedCash', 'difference'] as const) required(field);
      if (event.counted && event.countedCash !== undefined && !counted.eq(dec(event.countedCash))) {
        problems.push(`countedCash is ${event.countedCash}, but the cash counted by denomination adds up to ${counted.toFixed()}`);
      }
      if (event.countedCash !== undefined && event.expectedCash !== undefined && event.difference !== undefined) {
        const difference = dec(event.countedCash).minus(dec(event.expectedCash));
        if (!difference.eq(dec(event.difference))) problems.push(`difference is ${event.difference}, but countedCash - expectedCash is ${difference.toFixed()}`);
      }
      break;
  }
  return problems;
}
