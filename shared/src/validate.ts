import { Validator, type OutputUnit } from '@cfworker/json-schema';
import { checkSaleArithmetic } from './sale.js';
import { collectionSchemas, toValidationSchema, type CollectionName, type Sale } from './schemas/index.js';

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
