import { describe, expect, it } from 'vitest';
import { CustomerError, SyncError } from '../../../shared/src/index.js';
import { fieldProblems, FormProblem, NotDone, problemFor } from './field-problems.js';

describe('a refusal’s problems, by the field they name', () => {
  it('splits the server’s "path: message" problems and keeps the whole for the summary', () => {
    const refusal = new SyncError('invalid_document', 'invalid settings', 400, [
      { problems: ['cashRounding: 0.001 has more decimals than the currency’s 2', 'limits.lineQuantity: at most 1000000 (is "2000000")'] },
    ]);
    const found = fieldProblems(refusal);
    expect(found.fields).toEqual([
      { path: 'cashRounding', message: '0.001 has more decimals than the currency’s 2' },
      { path: 'limits.lineQuantity', message: 'at most 1000000 (is "2000000")' },
    ]);
    expect(found.message).toBe('cashRounding: 0.001 has more decimals than the currency’s 2; limits.lineQuantity: at most 1000000 (is "2000000")');
    expect(problemFor(found.fields, 'limits')).toBe('at most 1000000 (is "2000000")');
    expect(problemFor(found.fields, 'limits.documentAmount')).toBeUndefined();
  });

  it('takes a problem naming no field, or an error without details, as one message', () => {
    expect(fieldProblems(new SyncError('forbidden', 'managers of this store only', 403))).toEqual({ message: 'managers of this store only', fields: [] });
    expect(fieldProblems(new SyncError('invalid_document', 'refused', 400, [{ problems: ['the body is an object'] }]))).toEqual({ message: 'the body is an object', fields: [] });
    expect(fieldProblems(new TypeError('Failed to fetch')).message).toBe('Failed to fetch');
  });

  it('names the field of a problem the form found itself', () => {
    expect(fieldProblems(new FormProblem('quickKeys', 'no product with SKU NOPE-42'))).toEqual({
      message: 'quickKeys: no product with SKU NOPE-42',
      fields: [{ path: 'quickKeys', message: 'no product with SKU NOPE-42' }],
    });
  });

  it('splits the problems an error carries itself, as a customer refused at the till does', () => {
    const refused = new CustomerError(['email: "ana at example" is not an e-mail address such as name@example.com', 'phone: "12" has 2 digits; a phone number has 7 to 15']);
    expect(fieldProblems(refused)).toEqual({
      message: 'email: "ana at example" is not an e-mail address such as name@example.com; phone: "12" has 2 digits; a phone number has 7 to 15',
      fields: [
        { path: 'email', message: '"ana at example" is not an e-mail address such as name@example.com' },
        { path: 'phone', message: '"12" has 2 digits; a phone number has 7 to 15' },
      ],
    });
  });

  it('takes what the form said itself, when it stopped, as one message in its own words', () => {
    expect(fieldProblems(new NotDone('Choose or type a reason.'))).toEqual({ message: 'Choose or type a reason.', fields: [] });
  });
});
