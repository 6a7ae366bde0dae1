import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withDefaults } from '../src/data';

test('a summary without level, badges or quests renders as the first tier with empty lists', () => {
  const programme = { name: 'Demo', earn: [], rewards: [], tiers: [{ name: 'Bronze', threshold: 0, perks: [] }, { name: 'Silver', threshold: 100, perks: [] }] };
  const summary = withDefaults({ participantId: '7001', displayName: 'Kari N.', points: 65 } as never, programme);
  assert.equal(summary.level.name, 'Bronze');
  assert.equal(summary.level.points, 65);
  assert.equal(summary.level.nextThreshold, 100);
  assert.deepEqual(summary.badges, []);
  assert.deepEqual(summary.quests, []);
  assert.deepEqual(summary.byCategory, {});
});

test('a full summary is kept as the server sent it', () => {
  const level = { index: 1, name: 'Silver', points: 150, threshold: 100, nextName: 'Gold', nextThreshold: 250 };
  const summary = withDefaults({ participantId: '7001', kind: 'customer', displayName: 'Kari N.', points: 150, pendingPoints: 0, byCategory: { engagement: 150 }, level, badges: [], quests: [] }, null);
  assert.deepEqual(summary.level, level);
  assert.deepEqual(summary.byCategory, { engagement: 150 });
});
