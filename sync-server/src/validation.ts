import { Ajv, type ValidateFunction } from 'ajv';
import {
  checkSaleArithmetic,
  saleProblems,
  saleSchema,
  schemaProblems,
  shiftEventRuleProblems,
  shiftEventSchema,
  toValidationSchema,
  type Sale,
  type ShiftEvent,
} from '../../shared/src/index.js';

/*
 * The server checks every pushed sale against the same shared schema as the till. The till uses an
 * interpreting validator (its CSP forbids generated code); here, where thousands of sales a second
 * arrive, a compiled one decides, and only a sale it refuses is described by the shared validator, so
 * the reasons read the same on the till and at head office.
 */
const ajv = new Ajv({ allErrors: false, strict: true });
const validSale: ValidateFunction = ajv.compile(toValidationSchema(saleSchema));
const validShiftEvent: ValidateFunction = ajv.compile(toValidationSchema(shiftEventSchema));

/** What ajv saw, for the unlikely case the two validators of one schema disagree. */
function ajvProblems(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((error) => `${error.instancePath || 'document'}: ${error.message ?? 'is invalid'}`);
}

/** Problems with a pushed sale (schema, then arithmetic); empty when it is sound. */
export function checkSale(document: unknown): string[] {
  if (!validSale(document)) {
    const problems = saleProblems(document);
    // Both validators read the same schema; should they ever disagree, refuse with what ajv saw.
    return problems.length > 0 ? problems : ajvProblems(validSale);
  }
  return checkSaleArithmetic(document as Sale);
}

/**
 * Problems with a pushed shift event: the schema, then what each kind must carry and how its figures
 * add up. The server never recomputes the till's expected cash (it may not hold every sale of the
 * shift yet); it checks that the close's own figures agree with each other.
 */
export function checkShiftEvent(document: unknown): string[] {
  if (!validShiftEvent(document)) {
    const problems = schemaProblems('shiftEvents', document);
    return problems.length > 0 ? problems : ajvProblems(validShiftEvent);
  }
  return shiftEventRuleProblems(document as ShiftEvent);
}
