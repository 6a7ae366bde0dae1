import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../src/api/errors';
import { createRetrier } from '../src/retry';

function manualTimers() {
  const queue = new Map<number, () => void>();
  let next = 1;
  return {
    set: ((fn: () => void) => {
      queue.set(next, fn);
      return next++;
    }) as unknown as typeof setTimeout,
    clear: ((id: number) => queue.delete(id)) as unknown as typeof clearTimeout,
    async fire() {
      const [id, fn] = queue.entries().next().value ?? [];
      if (id === undefined) return false;
      queue.delete(id);
      fn?.();
      await flush();
      return true;
    },
    get size() {
      return queue.size;
    },
  };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('retrier', () => {
  it('retries transient failures until the task succeeds', async () => {
    const timers = manualTimers();
    const r = createRetrier(timers.set, timers.clear);
    let attempts = 0;
    const failures: boolean[] = [];
    r.run(
      'x',
      async () => {
        if (++attempts < 3) throw new ApiError('server', 503);
      },
      { failed: (_e, retrying) => failures.push(retrying) },
    );
    await flush();
    while (await timers.fire());
    assert.equal(attempts, 3);
    assert.deepEqual(failures, [true, true]);
  });

  it('does not retry a refusal', async () => {
    const timers = manualTimers();
    const r = createRetrier(timers.set, timers.clear);
    const failures: boolean[] = [];
    r.run('x', async () => Promise.reject(new ApiError('unauthorized', 401)), { failed: (_e, retrying) => failures.push(retrying) });
    await flush();
    assert.deepEqual(failures, [false]);
    assert.equal(timers.size, 0);
  });

  it('stops retrying when cancelled', async () => {
    const timers = manualTimers();
    const r = createRetrier(timers.set, timers.clear);
    let attempts = 0;
    r.run('x', async () => {
      attempts++;
      throw new ApiError('network', 0);
    });
    await flush();
    r.cancel('x');
    while (await timers.fire());
    assert.equal(attempts, 1);
  });

  it('catches a task that throws synchronously', async () => {
    const r = createRetrier();
    let failed = false;
    r.run(
      'x',
      () => {
        throw new Error('bug');
      },
      { failed: () => (failed = true) },
    );
    await flush();
    assert.equal(failed, true);
  });

  it('honours maxAttempts', async () => {
    const timers = manualTimers();
    const r = createRetrier(timers.set, timers.clear);
    let attempts = 0;
    r.run(
      'x',
      async () => {
        attempts++;
        throw new ApiError('network', 0);
      },
      { maxAttempts: 2 },
    );
    await flush();
    while (await timers.fire());
    assert.equal(attempts, 2);
  });
});
