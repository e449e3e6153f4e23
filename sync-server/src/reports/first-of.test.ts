import fc from 'fast-check';
import { expect, it } from 'vitest';
import { FirstOf } from './first-of.js';

it('keeps the first rows a stable sort would, whatever the order they come in, ties in the order they came', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ value: fc.integer({ min: 0, max: 5 }), name: fc.constantFrom('a', 'b', 'c') }), { maxLength: 60 }), fc.integer({ min: 1, max: 20 }), (given, limit) => {
      const rows = given.map((row, index) => ({ ...row, index }));
      // Most value first, then by name; equal rows keep their order.
      const comesBefore = (a: (typeof rows)[number], b: (typeof rows)[number]) => (a.value !== b.value ? a.value > b.value : a.name < b.name);
      const first = new FirstOf(limit, comesBefore);
      for (const row of rows) first.offer(row);
      const sorted = [...rows].sort((a, b) => (comesBefore(a, b) ? -1 : comesBefore(b, a) ? 1 : 0));
      expect(first.rows).toEqual(sorted.slice(0, limit));
    }),
    { seed: 20261207 },
  );
});
