import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../src/api/errors';
import { createRedeemFlow } from '../src/redeem';
import type { Reward } from '../src/types';
import { fakeContext } from './fakes';

const gift: Reward = { id: 'gift', name: '10% off', description: '', kind: 'discount_code', cost: 30, stock: 3, perCustomerLimit: 1 };
const flush = () => new Promise((r) => setImmediate(r));

async function setup(redeem: () => Promise<unknown>) {
  const f = await fakeContext({ redeem: redeem as never });
  f.store.dispatch({ type: 'rewards', rewards: [gift, { ...gift, id: 'big', cost: 500 }, { ...gift, id: 'gone', stock: 0 }] });
  return { ...f, flow: createRedeemFlow(f.ctx, new Set()) };
}

describe('redeem flow', () => {
  it('asks for confirmation before spending', async () => {
    const f = await setup(async () => assert.fail('not yet'));
    f.flow.ask(gift);
    assert.deepEqual(f.store.get().redeem.gift, { phase: 'confirm' });
    assert.deepEqual(f.focus, ['confirm-gift']);
  });

  it('shows the code and new balance after a confirmed redemption', async () => {
    const f = await setup(async () => ({ redemptionId: 'r1', rewardId: 'gift', rewardName: '10% off', code: 'SAVE10', points: 30, balance: 10 }));
    f.flow.ask(gift);
    f.flow.confirm('gift');
    assert.equal(f.store.get().redeem.gift.phase, 'pending');
    await flush();
    assert.equal(f.store.get().redeem.gift.phase, 'done');
    assert.equal(f.store.get().summary?.points, 10);
    assert.deepEqual(f.announced, ['Your code: SAVE10']);
    assert.equal(f.events.filter(([n]) => n === 'rewardRedeemed').length, 1);
  });

  it('says how many points are missing without calling the server', async () => {
    const f = await setup(async () => assert.fail('should not be called'));
    f.flow.ask({ ...gift, id: 'big', cost: 500 });
    assert.deepEqual(f.store.get().redeem.big, { phase: 'error', reason: 'insufficient_points', need: 460 });
    assert.deepEqual(f.announced, ['You need 460 more points for this reward.']);
  });

  it('says a sold-out reward is out of stock', async () => {
    const f = await setup(async () => assert.fail('should not be called'));
    f.flow.ask({ ...gift, id: 'gone', stock: 0 });
    assert.equal(f.announced[0], 'Sorry, this reward is out of stock.');
  });

  for (const [code, text] of [
    ['out_of_stock', 'Sorry, this reward is out of stock.'],
    ['limit_reached', 'You have already redeemed this reward as many times as allowed.'],
    ['insufficient_points', "You don't have enough points for this reward yet."],
  ] as const) {
    it(`maps a 409 ${code} to a clear message`, async () => {
      const f = await setup(async () => Promise.reject(new ApiError('conflict', 409, code)));
      f.flow.ask(gift);
      f.flow.confirm('gift');
      await flush();
      assert.equal(f.store.get().redeem.gift.phase, 'error');
      assert.deepEqual(f.announced, [text]);
      assert.equal(f.focus.at(-1), 'redeem-error-gift');
    });
  }

  it('reports a network failure as a retryable problem', async () => {
    const f = await setup(async () => Promise.reject(new ApiError('network', 0)));
    f.flow.confirm('gift');
    await flush();
    assert.deepEqual(f.announced, ["That didn't work. Please try again in a moment."]);
  });

  it('hands a refused session to the session-lost path', async () => {
    const f = await setup(async () => Promise.reject(new ApiError('unauthorized', 401)));
    f.flow.confirm('gift');
    await flush();
    assert.equal(f.lost(), 1);
  });

  it('lets the visitor back out', async () => {
    const f = await setup(async () => assert.fail('not called'));
    f.flow.ask(gift);
    f.flow.cancel('gift');
    assert.equal(f.store.get().redeem.gift, undefined);
    assert.equal(f.focus.at(-1), 'redeem-gift');
  });
});
