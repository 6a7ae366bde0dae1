import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatEnds, levelProgress, questPercent, reasonInSentence } from '../src/format';

describe('levelProgress', () => {
  it('measures progress inside the current tier', () => {
    const p = levelProgress({ index: 1, name: 'Silver', points: 150, threshold: 100, nextName: 'Gold', nextThreshold: 300 });
    assert.deepEqual(p, { value: 50, max: 200, percent: 25, remaining: 150, atTop: false });
  });

  it('reports the top tier when there is no next one', () => {
    const p = levelProgress({ index: 2, name: 'Gold', points: 900, threshold: 300, nextName: null, nextThreshold: null });
    assert.equal(p.atTop, true);
    assert.equal(p.percent, 100);
    assert.equal(p.remaining, 0);
  });

  it('clamps points below the threshold (after a clawback) to an empty bar', () => {
    const p = levelProgress({ index: 1, name: 'Silver', points: 80, threshold: 100, nextName: 'Gold', nextThreshold: 300 });
    assert.equal(p.value, 0);
    assert.equal(p.percent, 0);
    assert.equal(p.remaining, 200);
  });
});

describe('questPercent', () => {
  it('is whole percent of the target, capped at 100', () => {
    assert.equal(questPercent({ progress: 1, target: 3, completed: false }), 33);
    assert.equal(questPercent({ progress: 5, target: 3, completed: false }), 100);
    assert.equal(questPercent({ progress: 0, target: 0, completed: false }), 0);
    assert.equal(questPercent({ progress: 0, target: 3, completed: true }), 100);
  });
});

describe('formatEnds', () => {
  const now = Date.parse('2025-03-10T12:00:00Z');

  it('says "tomorrow" and "in N days" for near deadlines', () => {
    assert.equal(formatEnds('en', '2025-03-11T12:00:00Z', now), 'tomorrow');
    assert.equal(formatEnds('en', '2025-03-13T12:00:00Z', now), 'in 3 days');
    assert.equal(formatEnds('ru', '2025-03-13T12:00:00Z', now), 'через 3 дня');
  });

  it('counts hours on the last day', () => {
    assert.equal(formatEnds('en', '2025-03-10T17:00:00Z', now), 'in 5 hours');
  });

  it('gives a date for far deadlines', () => {
    assert.match(formatEnds('en', '2025-04-20T12:00:00Z', now) ?? '', /Apr/);
  });

  it('returns null for past, missing or unreadable dates', () => {
    assert.equal(formatEnds('en', '2025-03-01T00:00:00Z', now), null);
    assert.equal(formatEnds('en', null, now), null);
    assert.equal(formatEnds('en', 'soon', now), null);
  });
});

describe('reasonInSentence', () => {
  it('lowers a capitalised first word in English only', () => {
    assert.equal(reasonInSentence('en', 'Rating your chat'), 'rating your chat');
    assert.equal(reasonInSentence('ru', 'Оценка чата'), 'Оценка чата');
  });

  it('keeps acronyms and already-lower text', () => {
    assert.equal(reasonInSentence('en', 'CSAT survey answered'), 'CSAT survey answered');
    assert.equal(reasonInSentence('en', 'rating your chat'), 'rating your chat');
    assert.equal(reasonInSentence('en', '  '), '');
  });
});
