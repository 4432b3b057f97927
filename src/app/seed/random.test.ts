import { describe, expect, it } from 'vitest';
import { createRandom, createSampler, shuffled } from './random.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createRandom', () => {
  it('repeats the same numbers for the same seed and stream, and differs otherwise', () => {
    const draw = (seed: number, stream: number) => {
      const random = createRandom(seed, stream);
      return Array.from({ length: 20 }, () => random.next());
    };
    expect(draw(1, 0)).toEqual(draw(1, 0));
    expect(draw(1, 0)).not.toEqual(draw(2, 0));
    expect(draw(1, 0)).not.toEqual(draw(1, 1));
    // Neighbouring dossier streams must not be shifted copies of each other.
    expect(draw(1, 1000).slice(1)).not.toEqual(draw(1, 1001).slice(0, 19));
  });

  it('draws in [0, 1) with a plausible mean, and integers in the closed range', () => {
    const random = createRandom(7);
    let sum = 0;
    let min = 1;
    let max = 0;
    const ints = new Set<number>();
    for (let i = 0; i < 20_000; i += 1) {
      const value = random.next();
      min = Math.min(min, value);
      max = Math.max(max, value);
      sum += value;
      ints.add(random.int(3, 6));
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
  });

  it('makes UUIDs of version 4 and time-ordered version 7', () => {
    const random = createRandom(3);
    const at = Date.parse('2026-11-23T12:00:00+07:00');
    const v4 = random.uuid();
    const early = random.uuidV7(at);
    const late = random.uuidV7(at + 1);
    expect(v4).toMatch(UUID);
    expect(v4.charAt(14)).toBe('4');
    expect(early).toMatch(UUID);
    expect(early.charAt(14)).toBe('7');
    expect(early.replaceAll('-', '').slice(0, 12)).toBe(at.toString(16).padStart(12, '0'));
    expect(early < late).toBe(true);
  });
});

describe('createSampler', () => {
  it('draws in proportion to the weights and never a zero weight', () => {
    const random = createRandom(11);
    const sampler = createSampler([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i += 1) counts[sampler.sample(random)]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.7);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.3);
  });

  it('refuses weights that cannot be drawn from', () => {
    expect(() => createSampler([0, 0])).toThrow(RangeError);
    expect(() => createSampler([1, -1])).toThrow(RangeError);
  });
});

describe('shuffled', () => {
  it('permutes without losing elements', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const out = shuffled(createRandom(5), items);
    expect(out).not.toEqual(items);
    expect(out.slice().sort((a, b) => a - b)).toEqual(items);
  });
});
