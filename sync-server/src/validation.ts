import { Ajv, type ValidateFunction } from 'ajv';
import { checkSaleArithmetic, saleProblems, saleSchema, toValidationSchema, type Sale } from '../../shared/src/index.js';

/*
 * The server checks every pushed sale against the same shared schema as the till. The till uses an
 * interpreting validator (its CSP forbids generated code); here, where thousands of sales a second
 * arrive, a compiled one decides, and only a sale it refuses is described by the shared validator, so
 * the reasons read the same on the till and at head office.
 */
const ajv = new Ajv({ allErrors: false, strict: true });
const validSale: ValidateFunction = ajv.compile(toValidationSchema(saleSchema));

/** Problems with a pushed sale (schema, then arithmetic); empty when it is sound. */
export function checkSale(document: unknown): string[] {
  if (!validSale(document)) {
    const problems = saleProblems(document);
    // Both validators read the same schema; should they ever disagree, refuse with what ajv saw.
    return problems.length > 0 ? problems : (validSale.errors ?? []).map((error) => `${error.instancePath || 'document'}: ${error.message ?? 'is invalid'}`);
  }
  return checkSaleArithmetic(document as Sale);
}
