import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelay } from '../src/backoff';
import { expiresSoon, jwtExpiry } from '../src/jwt';
import { fakeJwt } from './helpers';

describe('jwtExpiry', () => {
  it('reads exp as milliseconds', () => {
    assert.equal(jwtExpiry(fakeJwt({ sub: 'c', exp: 1_700_000_000 })), 1_700_000_000_000);
  });

  it('returns null for tokens without a readable exp', () => {
    assert.equal(jwtExpiry(fakeJwt({ sub: 'c' })), null);
    assert.equal(jwtExpiry('not-a-jwt'), null);
    assert.equal(jwtExpiry('a.%%%.c'), null);
  });

  it('counts a token as expiring within the skew', () => {
    const token = fakeJwt({ exp: 1000 });
    assert.equal(expiresSoon(token, 969_000), false);
    assert.equal(expiresSoon(token, 971_000), true);
    assert.equal(expiresSoon(fakeJwt({}), Date.now()), false);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially between half and all of its ceiling', () => {
    assert.equal(backoffDelay(0, { baseMs: 1000 }, () => 0), 500);
    assert.equal(backoffDelay(0, { baseMs: 1000 }, () => 1), 1000);
    assert.equal(backoffDelay(3, { baseMs: 1000 }, () => 1), 8000);
  });

  it('never exceeds the maximum', () => {
    assert.equal(backoffDelay(40, { baseMs: 1000, maxMs: 60_000 }, () => 1), 60_000);
    assert.ok(backoffDelay(40, { baseMs: 1000, maxMs: 60_000 }, () => 0) >= 30_000);
  });
});
