import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEmitter } from '../src/events';

describe('emitter', () => {
  it('delivers events and stops after unsubscribe', () => {
    const e = createEmitter();
    const got: unknown[] = [];
    const off = e.on('pointsAwarded', (p) => got.push(p));
    e.emit('pointsAwarded', 1);
    off();
    e.emit('pointsAwarded', 2);
    assert.deepEqual(got, [1]);
  });

  it('replays a sticky event to late subscribers', async () => {
    const e = createEmitter();
    e.emit('ready', { tenant: 'acme' }, true);
    const got: unknown[] = [];
    e.on('ready', (p) => got.push(p));
    await Promise.resolve();
    assert.deepEqual(got, [{ tenant: 'acme' }]);
  });

  it('keeps calling other listeners when one throws', () => {
    const reported: unknown[] = [];
    const e = createEmitter((err) => reported.push(err));
    const got: string[] = [];
    e.on('open', () => {
      throw new Error('host bug');
    });
    e.on('open', () => got.push('second'));
    e.emit('open');
    assert.deepEqual(got, ['second']);
    assert.equal(reported.length, 1);
  });

  it('ignores a non-function listener', () => {
    const e = createEmitter();
    const off = e.on('open', 'nope' as never);
    assert.doesNotThrow(() => e.emit('open'));
    assert.doesNotThrow(off);
  });
});
