import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Action } from '../src/state/actions';
import { reduce } from '../src/state/reducer';
import { initialState, type State } from '../src/state/state';
import { createStore } from '../src/state/store';
import { summary } from './helpers';

const customer = { id: 'c-1', displayName: 'Ada' };

function identified(): State {
  return [
    { type: 'identified', customer } as Action,
    { type: 'summary', summary: summary() } as Action,
    {
      type: 'rewards',
      rewards: [{ id: 'r-1', name: '10% off', description: '', kind: 'discount_code', cost: 30, stock: 2, perCustomerLimit: 1 }],
    } as Action,
  ].reduce(reduce, initialState('en'));
}

describe('reducer', () => {
  it('applies a points award with the server total and pending', () => {
    const s = reduce(identified(), {
      type: 'pointsAwarded',
      event: { participantId: 'p-1', kind: 'customer', points: 5, category: 'feedback', reason: 'Rating your chat', ticketId: '7', total: 45, pending: 0 },
    });
    assert.equal(s.summary?.points, 45);
    assert.equal(s.summary?.pendingPoints, 0);
    assert.equal(s.summary?.byCategory.feedback, 5);
    assert.equal(s.summary?.byCategory.engagement, 40);
  });

  it('ignores pushes about someone else', () => {
    const before = identified();
    const after = reduce(before, {
      type: 'pointsAwarded',
      event: { participantId: 'other', kind: 'customer', points: 5, category: 'x', reason: '', ticketId: null, total: 999, pending: 0 },
    });
    assert.equal(after, before);
  });

  it('accepts the session customer id as well as the participant id', () => {
    const s = reduce(identified(), { type: 'levelChanged', event: { participantId: 'c-1', kind: 'customer', direction: 'up', level: { index: 1, name: 'Silver', points: 100, threshold: 100, nextName: 'Gold', nextThreshold: 300 } } });
    assert.equal(s.summary?.level.name, 'Silver');
  });

  it('adds a badge once', () => {
    const badge = { id: 'b-1', name: 'First chat', description: '', tier: 'bronze' };
    const once = reduce(identified(), { type: 'badgeEarned', event: { participantId: 'p-1', kind: 'customer', badge } });
    const twice = reduce(once, { type: 'badgeEarned', event: { participantId: 'p-1', kind: 'customer', badge } });
    assert.equal(twice.summary?.badges.length, 1);
    assert.equal(twice, once);
  });

  it('updates a known quest and appends a new one', () => {
    const base = identified();
    const quest = { ...base.summary!.quests[0], progress: 1, completed: true };
    const s1 = reduce(base, { type: 'questProgress', event: { participantId: 'p-1', quest } });
    assert.equal(s1.summary?.quests.length, 1);
    assert.equal(s1.summary?.quests[0].completed, true);
    const s2 = reduce(s1, { type: 'questProgress', event: { participantId: 'p-1', quest: { ...quest, id: 'q-review' } } });
    assert.equal(s2.summary?.quests.length, 2);
  });

  it('walks a redemption from confirmation to result and updates balance and stock', () => {
    let s = reduce(identified(), { type: 'redeemAsk', rewardId: 'r-1' });
    assert.deepEqual(s.redeem['r-1'], { phase: 'confirm' });
    s = reduce(s, { type: 'redeemPending', rewardId: 'r-1' });
    const redemption = { redemptionId: 'x', rewardId: 'r-1', rewardName: '10% off', code: 'SAVE10', points: 30, balance: 10 };
    s = reduce(s, { type: 'redeemDone', redemption });
    assert.deepEqual(s.redeem['r-1'], { phase: 'done', redemption });
    assert.equal(s.summary?.points, 10);
    assert.equal(s.rewards?.[0].stock, 1);
  });

  it('records why a redemption failed and forgets a cancelled one', () => {
    let s = reduce(identified(), { type: 'redeemFailed', rewardId: 'r-1', reason: 'out_of_stock' });
    assert.equal(s.redeem['r-1']?.phase, 'error');
    s = reduce(s, { type: 'redeemCancel', rewardId: 'r-1' });
    assert.equal(s.redeem['r-1'], undefined);
  });

  it('drops the previous person\'s data when someone else identifies', () => {
    const s = reduce(identified(), { type: 'identified', customer: { id: 'c-2', displayName: 'Bo' } });
    assert.equal(s.summary, null);
    assert.equal(s.customer?.id, 'c-2');
  });

  it('keeps data when the same person identifies again', () => {
    const before = identified();
    const s = reduce(before, { type: 'identified', customer });
    assert.equal(s.summary, before.summary);
  });

  it('clears personal data and shows a notice when the session is lost', () => {
    const s = reduce(identified(), { type: 'authLost', reason: 'expired' });
    assert.equal(s.auth, 'expired');
    assert.equal(s.notice, 'expired');
    assert.equal(s.summary, null);
    assert.equal(s.rewards, null);
  });

  it('ends an offline notice when data arrives, but not an expiry notice', () => {
    const offline = reduce(initialState('en'), { type: 'notice', notice: 'offline' });
    assert.equal(reduce(offline, { type: 'programme', programme: { name: 'P', earn: [], rewards: [], tiers: [] } }).notice, null);
    const expired = reduce(identified(), { type: 'authLost', reason: 'expired' });
    assert.equal(reduce(expired, { type: 'programme', programme: { name: 'P', earn: [], rewards: [], tiers: [] } }).notice, 'expired');
  });
});

describe('store', () => {
  it('notifies subscribers only on change, with the previous state', () => {
    const store = createStore(initialState('en'));
    const seen: [boolean, boolean][] = [];
    const off = store.subscribe((s, prev) => seen.push([prev.open, s.open]));
    store.dispatch({ type: 'open', open: true });
    store.dispatch({ type: 'pointsAwarded', event: { participantId: 'x', kind: 'customer', points: 1, category: 'c', reason: '', ticketId: null, total: 1, pending: 0 } });
    off();
    store.dispatch({ type: 'open', open: false });
    assert.deepEqual(seen, [[false, true]]);
  });
});
