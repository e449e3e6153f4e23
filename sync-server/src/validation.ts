import { Ajv, type ValidateFunction } from 'ajv';
import {
  checkSaleArithmetic,
  dec,
  saleProblems,
  saleSchema,
  schemaProblems,
  shiftEventSchema,
  sum,
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
  return shiftEventProblems(document as ShiftEvent);
}

function shiftEventProblems(event: ShiftEvent): string[] {
  const problems: string[] = [];
  // The schema's decimal strings may be negative; nothing a drawer holds or a cashier moves is.
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
  const countedTotal = () => sum((event.counted ?? []).map((entry) => dec(entry.denomination).mul(entry.count)));
  switch (event.kind) {
    case 'open':
      required('amount');
      // The shift's id is its open event's: everything else in the shift names it.
      if (event.shiftId !== event.id) problems.push(`an open event is its shift's first: shiftId must be its own id "${event.id}", not "${event.shiftId}"`);
      if (event.amount !== undefined && event.counted && !countedTotal().eq(dec(event.amount))) {
        problems.push(`the float counted by denomination is ${countedTotal().toFixed()}, but amount says ${event.amount}`);
      }
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
      if (event.counted && event.countedCash !== undefined && !countedTotal().eq(dec(event.countedCash))) {
        problems.push(`countedCash is ${event.countedCash}, but the cash counted by denomination adds up to ${countedTotal().toFixed()}`);
      }
      if (event.countedCash !== undefined && event.expectedCash !== undefined && event.difference !== undefined) {
        const difference = dec(event.countedCash).minus(dec(event.expectedCash));
        if (!difference.eq(dec(event.difference))) problems.push(`difference is ${event.difference}, but countedCash - expectedCash is ${difference.toFixed()}`);
      }
      break;
  }
  return problems;
}
