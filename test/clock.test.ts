import { describe, expect, it } from 'vitest';
import { ManualClock, offsetClock } from '../harness/clock.ts';

describe('offsetClock', () => {
  it('returns startMs when made and then advances as far as the wall clock does', () => {
    const wall = new ManualClock({ startMs: 1_800_000_000_000 });
    const clock = offsetClock({ startMs: Date.parse('2024-03-01T12:00:00Z'), wall });
    expect(new Date(clock.now()).toISOString()).toBe('2024-03-01T12:00:00.000Z');
    wall.advance({ ms: 1_500 });
    expect(new Date(clock.now()).toISOString()).toBe('2024-03-01T12:00:01.500Z');
  });
});
