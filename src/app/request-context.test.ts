import { describe, expect, it } from 'vitest';
import { currentRequestContext, runAs, runInRequestContext, setRequestActor } from './request-context.ts';

describe('request context (who acts, for the audit chain)', () => {
  it('is the system outside requests, the request actor inside, through awaits', async () => {
    expect(currentRequestContext().actor).toEqual({ kind: 'system', name: 'cli' });
    const seen = await new Promise<unknown[]>((resolve) => {
      runInRequestContext({ actor: { kind: 'anonymous' }, requestId: 'r1' }, () => {
        void (async () => {
          const before = currentRequestContext().actor.kind;
          await new Promise((done) => setTimeout(done, 5));
          setRequestActor({ kind: 'device', deviceId: 'd1' });
          await Promise.resolve();
          resolve([before, currentRequestContext()]);
        })();
      });
    });
    expect(seen).toEqual(['anonymous', { actor: { kind: 'device', deviceId: 'd1' }, requestId: 'r1' }]);
    expect(runAs({ kind: 'system', name: 'seed' }, () => currentRequestContext().actor)).toEqual({
      kind: 'system',
      name: 'seed',
    });
    expect(currentRequestContext().requestId).toBeNull();
  });
});
