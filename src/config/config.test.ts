import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('HAILONG_PUBLIC_RATE_LIMIT: requests per minute and address on the public endpoints', () => {
  it('defaults to 60 and reads a positive whole number', () => {
    expect(loadConfig({}).publicRateLimitPerMinute).toBe(60);
    expect(loadConfig({ HAILONG_PUBLIC_RATE_LIMIT: '120' }).publicRateLimitPerMinute).toBe(120);
  });

  it('stops the start on a wrong value, naming the variable', () => {
    for (const wrong of ['0', '-5', 'many', '1.5']) {
      expect(() => loadConfig({ HAILONG_PUBLIC_RATE_LIMIT: wrong })).toThrow(/HAILONG_PUBLIC_RATE_LIMIT/);
    }
  });
});
