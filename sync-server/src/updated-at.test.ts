import { describe, expect, it } from 'vitest';
import { nextUpdatedAt } from './updated-at.js';

describe('nextUpdatedAt', () => {
  it('is now when the last save was earlier', () => {
    expect(nextUpdatedAt('2026-03-01T09:00:00.000Z', new Date('2026-03-01T09:00:05.000Z'))).toBe('2026-03-01T09:00:05.000Z');
  });

  it('is one millisecond after the last save made in the same millisecond', () => {
    expect(nextUpdatedAt('2026-03-01T09:00:05.000Z', new Date('2026-03-01T09:00:05.000Z'))).toBe('2026-03-01T09:00:05.001Z');
  });

  it('moves on from a last save ahead of a clock set back', () => {
    expect(nextUpdatedAt('2026-03-01T10:00:00.000Z', new Date('2026-03-01T09:00:00.000Z'))).toBe('2026-03-01T10:00:00.001Z');
  });

  it('is now when the last updatedAt is not a time', () => {
    expect(nextUpdatedAt('', new Date('2026-03-01T09:00:00.000Z'))).toBe('2026-03-01T09:00:00.000Z');
  });
});
