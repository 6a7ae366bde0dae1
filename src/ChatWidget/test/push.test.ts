import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPushHandler } from '../src/push';
import { fakeContext } from './fakes';

describe('hub pushes', () => {
  it('shows "+5 points for rating your chat" with the server\'s reason and tells the host', async () => {
    const f = await fakeContext();
    const handle = createPushHandler(f.ctx, new Set());
    const event = { participantId: 'p-1', kind: 'customer', points: 5, category: 'feedback', reason: 'Rating your chat', ticketId: '9', total: 45, pending: 0 };
    handle('pointsAwarded', event);
    assert.deepEqual(f.toasts, [{ text: '+5 points for rating your chat', kind: 'points', celebrate: false }]);
    assert.equal(f.store.get().summary?.points, 45);
    assert.deepEqual(f.events, [['pointsAwarded', event]]);
  });

  it('words a clawback as points removed', async () => {
    const f = await fakeContext();
    createPushHandler(f.ctx, new Set())('pointsAwarded', {
      participantId: 'p-1', kind: 'customer', points: -10, category: 'x', reason: 'Ticket reopened', ticketId: null, total: 30, pending: 0,
    });
    assert.equal(f.toasts[0].text, '10 points removed: ticket reopened');
  });

  it('localises the toast', async () => {
    const f = await fakeContext();
    f.store.dispatch({ type: 'lang', lang: 'ru' });
    createPushHandler(f.ctx, new Set())('pointsAwarded', {
      participantId: 'p-1', kind: 'customer', points: 5, category: 'x', reason: 'Оценка чата', ticketId: null, total: 45, pending: 0,
    });
    assert.equal(f.toasts[0].text, '+5 баллов: Оценка чата');
  });

  it('celebrates a new badge and a tier-up, but not a tier-down', async () => {
    const f = await fakeContext();
    const handle = createPushHandler(f.ctx, new Set());
    handle('badgeEarned', { participantId: 'p-1', kind: 'customer', badge: { id: 'b', name: 'Helper', description: '', tier: 'gold' } });
    const level = { index: 1, name: 'Silver', points: 100, threshold: 100, nextName: null, nextThreshold: null };
    handle('levelChanged', { participantId: 'p-1', kind: 'customer', level, direction: 'up' });
    handle('levelChanged', { participantId: 'p-1', kind: 'customer', level: { ...level, name: 'Bronze' }, direction: 'down' });
    assert.deepEqual(
      f.toasts.map((t) => [t.text, t.celebrate]),
      [
        ['New badge: Helper!', true],
        ['You reached Silver!', true],
        ['Your tier is now Bronze.', false],
      ],
    );
  });

  it('announces a quest only when it becomes complete', async () => {
    const f = await fakeContext();
    const handle = createPushHandler(f.ctx, new Set());
    const quest = { ...f.store.get().summary!.quests[0] };
    handle('questProgress', { participantId: 'p-1', quest: { ...quest, progress: 0 } });
    handle('questProgress', { participantId: 'p-1', quest: { ...quest, progress: 1, completed: true } });
    handle('questProgress', { participantId: 'p-1', quest: { ...quest, progress: 1, completed: true } });
    assert.deepEqual(f.toasts.map((t) => t.text), ['Quest complete: Rate your chat']);
  });

  it('ignores pushes for other participants and garbage payloads', async () => {
    const f = await fakeContext();
    const handle = createPushHandler(f.ctx, new Set());
    handle('pointsAwarded', { participantId: 'someone-else', kind: 'customer', points: 5, category: 'x', reason: 'r', ticketId: null, total: 1, pending: 0 });
    handle('pointsAwarded', null);
    handle('badgeEarned', 'nonsense');
    handle('levelChanged', { participantId: 'p-1' });
    assert.equal(f.toasts.length, 0);
    assert.equal(f.events.length, 0);
  });

  it('tells the host about a redemption only once', async () => {
    const f = await fakeContext();
    const seen = new Set(['already']);
    const handle = createPushHandler(f.ctx, seen);
    const redemption = { redemptionId: 'already', rewardId: 'r', rewardName: 'Gift', code: null, points: 10, balance: 30 };
    handle('rewardRedeemed', { participantId: 'p-1', redemption });
    handle('rewardRedeemed', { participantId: 'p-1', redemption: { ...redemption, redemptionId: 'new' } });
    handle('rewardRedeemed', { participantId: 'p-1', redemption: { ...redemption, redemptionId: 'new' } });
    assert.equal(f.events.filter(([n]) => n === 'rewardRedeemed').length, 1);
    assert.equal(f.store.get().summary?.points, 30);
  });
});
