import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { checkSaleArithmetic, collectionSchemas, toValidationSchema, type CollectionName, type Sale } from '../../shared/src/index.js';

const ajv = new Ajv({ allErrors: true, strict: true });

const validators = new Map<CollectionName, ValidateFunction>();

function validatorFor(collection: CollectionName): ValidateFunction {
  let validate = validators.get(collection);
  if (!validate) {
    validate = ajv.compile(toValidationSchema(collectionSchemas[collection]));
    validators.set(collection, validate);
  }
  return validate;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath ? error.instancePath.slice(1).replaceAll('/', '.') : 'document';
  if (error.keyword === 'additionalProperties') {
    return `${where}: unknown field "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  }
  return `${where}: ${error.message ?? 'is invalid'}`;
}

/** Removes RxDB's bookkeeping fields (`_deleted`, `_meta`, `_rev`, `_attachments`). */
export function withoutInternalFields(document: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_')));
}

/** Problems with a document against its collection's shared JSON schema; empty when it conforms. */
export function schemaProblems(collection: CollectionName, document: unknown): string[] {
  const validate = validatorFor(collection);
  if (validate(document)) return [];
  return (validate.errors ?? []).map(describe);
}

/** Schema first, then the arithmetic every sale must satisfy. */
export function saleProblems(document: unknown): string[] {
  const problems = schemaProblems('sales', document);
  if (problems.length > 0) return problems;
  return checkSaleArithmetic(document as Sale);
}
