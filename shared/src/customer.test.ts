import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  absorbCustomer,
  customerProblems,
  duplicateGroups,
  editCustomer,
  findLikelyDuplicates,
  mergeCustomer,
  newCustomer,
  normaliseForDuplicates,
} from './customer.js';
import type { Customer } from './schemas/index.js';

const at = (time: string) => `2026-11-27T${time}:00.000Z`;

/** Ana as till 1 first recorded her at nine. */
const ana: Customer = newCustomer({ name: 'Ana Lima', phone: '+49 170 1234567' }, { id: 'cust-ana', storeId: 'store-1', createdBy: 'till-1', at: at('09:00') });

describe('merging a customer field by field', () => {
  it('converges when two tills edit different fields offline, in whichever order their versions arrive', () => {
    // Both tills have the nine o'clock version; then, offline, till 1 adds her e-mail at ten and
    // till 2 changes her phone and adds a note at five past ten.
    const fromTill1 = editCustomer(ana, { email: 'ana@example.com' }, at('10:00'));
    const fromTill2 = editCustomer(ana, { phone: '+49 171 7654321', note: 'Prefers paper receipts' }, at('10:05'));
    expect(fromTill1.changedAt).toEqual({ name: at('09:00'), phone: at('09:00'), email: at('10:00') });
    expect(fromTill2.changedAt).toEqual({ name: at('09:00'), phone: at('10:05'), note: at('10:05') });

    // Till 2 reaches the server first, then till 1; the server holds the merge, and so does each
    // till once it merges the server's version into its own.
    const onServer = mergeCustomer(mergeCustomer(mergeCustomer(undefined, ana), fromTill2), fromTill1);
    expect(onServer).toEqual({
      id: 'cust-ana',
      storeId: 'store-1',
      name: 'Ana Lima',
      phone: '+49 171 7654321',
      email: 'ana@example.com',
      note: 'Prefers paper receipts',
      changedAt: { name: at('09:00'), phone: at('10:05'), email: at('10:00'), note: at('10:05') },
      createdAt: at('09:00'),
      createdBy: 'till-1',
    });
    expect(mergeCustomer(mergeCustomer(ana, fromTill1), fromTill2)).toEqual(onServer);
    expect(mergeCustomer(fromTill1, onServer)).toEqual(onServer);
    expect(mergeCustomer(fromTill2, onServer)).toEqual(onServer);
  });

  it('lets the newest change of one field win, and breaks a tie by the value so every machine picks the same', () => {
    const early = editCustomer(ana, { name: 'Ana M. Lima' }, at('10:00'));
    const late = editCustomer(ana, { name: 'Ana Maria Lima' }, at('11:00'));
    expect(mergeCustomer(early, late).name).toBe('Ana Maria Lima');
    expect(mergeCustomer(late, early).name).toBe('Ana Maria Lima');

    const sameTimeA = editCustomer(ana, { name: 'Ana B' }, at('10:00'));
    const sameTimeB = editCustomer(ana, { name: 'Ana A' }, at('10:00'));
    expect(mergeCustomer(sameTimeA, sameTimeB).name).toBe('Ana B');
    expect(mergeCustomer(sameTimeB, sameTimeA).name).toBe('Ana B');
  });

  it('keeps a field one side has and the other never had, and clears one only for a newer clear', () => {
    const withEmail = editCustomer(ana, { email: 'ana@example.com' }, at('10:00'));
    // The other side never had an e-mail: it stays.
    expect(mergeCustomer(ana, withEmail).email).toBe('ana@example.com');
    expect(mergeCustomer(withEmail, ana).email).toBe('ana@example.com');
    // Cleared at eleven, after it was set at ten: the clear wins, and is remembered.
    const cleared = editCustomer(withEmail, { email: null }, at('11:00'));
    expect(cleared).not.toHaveProperty('email');
    expect(cleared.changedAt.email).toBe(at('11:00'));
    expect(mergeCustomer(withEmail, cleared)).not.toHaveProperty('email');
    // Set again at noon by someone who never saw the clear: the newer value wins.
    const setAgain = editCustomer(withEmail, { email: 'ana.lima@example.com' }, at('12:00'));
    expect(mergeCustomer(cleared, setAgain).email).toBe('ana.lima@example.com');
  });

  it('keeps where the customer came from and unites the server’s duplicate flags', () => {
    const office = { ...editCustomer(ana, { note: 'VIP' }, at('10:00')), possibleDuplicates: ['cust-b'] };
    const till = { ...ana, possibleDuplicates: ['cust-c', 'cust-b'] };
    const merged = mergeCustomer(office, till);
    expect(merged).toMatchObject({ createdAt: at('09:00'), createdBy: 'till-1', note: 'VIP', possibleDuplicates: ['cust-b', 'cust-c'] });
  });

  it('drops empty optional fields when tidying a version', () => {
    expect(mergeCustomer(undefined, { ...ana, note: '' })).not.toHaveProperty('note');
  });
});

describe('editing a customer', () => {
  it('stamps only the fields that change, and answers the same customer when nothing does', () => {
    expect(editCustomer(ana, { name: ' Ana Lima ', phone: '+49 170 1234567' }, at('10:00'))).toBe(ana);
    const edited = editCustomer(ana, { name: 'Ana Lima', note: '  Allergic to nuts ' }, at('10:00'));
    expect(edited.note).toBe('Allergic to nuts');
    expect(edited.changedAt).toEqual({ name: at('09:00'), phone: at('09:00'), note: at('10:00') });
  });

  it('records an edit made on a slow clock just after the version it edits, so the edit is not lost', () => {
    // The till's clock says 08:00, an hour before the version it is editing was made.
    const edited = editCustomer(ana, { phone: '+49 170 9999999' }, at('08:00'));
    expect(edited.changedAt.phone).toBe('2026-11-27T09:00:00.001Z');
    expect(mergeCustomer(ana, edited).phone).toBe('+49 170 9999999');
  });
});

describe('customer problems (the till’s and the server’s rules)', () => {
  it('takes a sound customer', () => {
    expect(customerProblems(ana)).toEqual([]);
    expect(customerProblems(newCustomer({ name: 'Bo', email: 'bo@shop.example', phone: '(030) 123-45.67', note: 'x' }, { id: 'b', storeId: 's', createdBy: 'office', at: at('09:00') }))).toEqual([]);
  });

  it('refuses a blank name, a bad e-mail or phone, and fields without their change time, saying why', () => {
    expect(customerProblems({ ...ana, name: '   ' })).toEqual(['name: must not be blank']);
    expect(customerProblems({ ...ana, email: 'ana at example', changedAt: { ...ana.changedAt, email: at('09:00') } })).toEqual([
      'email: "ana at example" is not an e-mail address such as name@example.com',
    ]);
    expect(customerProblems({ ...ana, phone: '0170 CALL ME' })).toEqual(['phone: "0170 CALL ME" may hold only digits, spaces, a leading + and ( ) . / -']);
    expect(customerProblems({ ...ana, phone: '112' })).toEqual(['phone: "112" has 3 digits; a phone number has 5 to 20']);
    expect(customerProblems({ ...ana, note: 'hi' })).toEqual(['changedAt.note: missing, but note is given']);
    expect(customerProblems({ ...ana, changedAt: { name: 'yesterday-ish, roughly' } })).toEqual([
      'changedAt.name: "yesterday-ish, roughly" is not a time',
      'changedAt.phone: missing, but phone is given',
    ]);
  });

  it('checks the schema first', () => {
    expect(customerProblems({ ...ana, name: '' })).toEqual([expect.stringContaining('name')]);
    expect(customerProblems({ ...ana, loyaltyPoints: 3 })).toEqual(['document: unknown field "loyaltyPoints"']);
  });
});

describe('likely duplicates', () => {
  it('compares phones by their digits (+ read as 00) and e-mails lower-cased', () => {
    expect(normaliseForDuplicates('phone', '+49 (170) 123-4567')).toBe('00491701234567');
    expect(normaliseForDuplicates('phone', '0049 170 1234567')).toBe('00491701234567');
    expect(normaliseForDuplicates('phone', '110')).toBeUndefined();
    expect(normaliseForDuplicates('email', ' Ana@Example.COM ')).toBe('ana@example.com');
    expect(normaliseForDuplicates('email', 'not an address')).toBeUndefined();
    expect(normaliseForDuplicates('phone', undefined)).toBeUndefined();
  });

  it('finds customers of one store sharing a phone or an e-mail, and only within the store', () => {
    const customers = [
      { id: 'a', storeId: 's1', phone: '+49 170 1234567', email: 'ana@example.com' },
      { id: 'b', storeId: 's1', phone: '0049-170-1234567' },
      { id: 'c', storeId: 's1', email: 'ANA@example.com' },
      { id: 'd', storeId: 's1', phone: '+49 170 7654321' },
      { id: 'e', storeId: 's2', phone: '+49 170 1234567' },
    ];
    expect(duplicateGroups(customers)).toEqual([
      { storeId: 's1', field: 'email', value: 'ana@example.com', customerIds: ['a', 'c'] },
      { storeId: 's1', field: 'phone', value: '00491701234567', customerIds: ['a', 'b'] },
    ]);
    expect(findLikelyDuplicates(customers)).toEqual(
      new Map([
        ['a', ['b', 'c']],
        ['b', ['a']],
        ['c', ['a']],
      ]),
    );
  });
});

describe('head office merging a duplicate into another', () => {
  it('keeps the kept customer’s values, takes over what only the duplicate has, keeps both notes, and stamps the merge', () => {
    const keep = { ...newCustomer({ name: 'Ana Lima', phone: '+49 170 1234567', note: 'VIP' }, { id: 'a', storeId: 's1', createdBy: 'till-1', at: at('09:00') }), possibleDuplicates: ['b', 'c'] };
    const duplicate = newCustomer({ name: 'A. Lima', phone: '0049 170 1234567', email: 'ana@example.com', note: 'Nut allergy' }, { id: 'b', storeId: 's1', createdBy: 'till-2', at: at('09:30') });
    const kept = absorbCustomer(keep, duplicate, at('12:00'));
    expect(kept).toEqual({
      id: 'a',
      storeId: 's1',
      name: 'Ana Lima',
      phone: '+49 170 1234567',
      email: 'ana@example.com',
      note: 'VIP\nNut allergy',
      changedAt: { name: at('12:00'), phone: at('12:00'), email: at('12:00'), note: at('12:00') },
      createdAt: at('09:00'),
      createdBy: 'till-1',
      possibleDuplicates: ['c'],
    });
    // A till that edits the merged-away customer from its old version does not undo the merge.
    expect(mergeCustomer(kept, { ...duplicate, id: 'a' })).toEqual(kept);
  });
});

describe('merge laws (property)', () => {
  const times = fc.constantFrom(undefined, at('09:00'), at('10:00'), '2026-11-27T10:00:00Z', at('11:00'));
  const field = (values: string[]) => fc.record({ value: fc.option(fc.constantFrom(...values), { nil: undefined }), changedAt: times });
  const version: fc.Arbitrary<Customer> = fc
    .record({
      name: fc.record({ value: fc.constantFrom('Ana', 'Ana Lima', 'Bo'), changedAt: fc.constantFrom(at('09:00'), at('10:00'), at('11:00')) }),
      phone: field(['+49 170 1', '+49 170 2', '']),
      email: field(['a@x.de', 'b@x.de']),
      note: field(['VIP', 'nuts']),
      createdAt: fc.constantFrom(at('08:00'), at('09:00')),
      createdBy: fc.constantFrom('till-1', 'till-2', 'office'),
      possibleDuplicates: fc.option(fc.uniqueArray(fc.constantFrom('x', 'y', 'z'), { minLength: 1 }), { nil: undefined }),
    })
    .map((v) => {
      const customer: Customer = { id: 'c1', storeId: 's1', name: v.name.value, changedAt: { name: v.name.changedAt }, createdAt: v.createdAt, createdBy: v.createdBy };
      for (const name of ['phone', 'email', 'note'] as const) {
        if (v[name].value !== undefined) customer[name] = v[name].value;
        if (v[name].changedAt !== undefined) customer.changedAt[name] = v[name].changedAt;
      }
      if (v.possibleDuplicates) customer.possibleDuplicates = v.possibleDuplicates;
      return customer;
    });

  it('is commutative, associative and idempotent, so every replica converges', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        expect(mergeCustomer(a, b)).toEqual(mergeCustomer(b, a));
        expect(mergeCustomer(a, mergeCustomer(b, c))).toEqual(mergeCustomer(mergeCustomer(a, b), c));
        expect(mergeCustomer(a, a)).toEqual(mergeCustomer(undefined, a));
        const ab = mergeCustomer(a, b);
        expect(mergeCustomer(ab, b)).toEqual(ab);
      }),
      { numRuns: 500, seed: 20261127 },
    );
  });

  it('never loses a field one side has and the other never had', () => {
    fc.assert(
      fc.property(version, version, (a, b) => {
        const merged = mergeCustomer(a, b);
        for (const name of ['phone', 'email', 'note'] as const) {
          if (!a[name] || b[name] || b.changedAt[name] !== undefined) continue;
          // b never had the field: a's value stands.
          expect(merged[name]).toBe(a[name]);
        }
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });
});
