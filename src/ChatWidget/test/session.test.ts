import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../src/api/errors';
import { createSession, normalise } from '../src/session';
import type { Session } from '../src/types';
import { fakeJwt } from './helpers';

const NOW = 1_000_000_000_000;

function fakeApi(tokens: string[]) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    session: async (identityToken: string): Promise<Session> => {
      calls++;
      if (identityToken === 'bad') throw new ApiError('unauthorized', 401);
      return { token: tokens[Math.min(calls - 1, tokens.length - 1)], customer: { id: 'c-1', displayName: 'Ada' } };
    },
  };
}

describe('session', () => {
  it('exchanges the identity token once and reuses the session token', async () => {
    const fresh = fakeJwt({ exp: NOW / 1000 + 3600 });
    const api = fakeApi([fresh]);
    const s = createSession(api, () => NOW);
    await s.begin('identity');
    assert.equal(await s.token(), fresh);
    assert.equal(await s.token(), fresh);
    assert.equal(api.calls, 1);
    assert.equal(s.customerId, 'c-1');
  });

  it('renews a session token that is about to expire', async () => {
    const stale = fakeJwt({ exp: NOW / 1000 + 10 });
    const fresh = fakeJwt({ exp: NOW / 1000 + 3600 });
    const api = fakeApi([stale, fresh]);
    const s = createSession(api, () => NOW);
    await s.begin('identity');
    assert.equal(await s.token(), fresh);
    assert.equal(api.calls, 2);
  });

  it('retries a call once with a renewed token after a 401', async () => {
    const api = fakeApi([fakeJwt({ n: 1 }), fakeJwt({ n: 2 })]);
    const s = createSession(api, () => NOW);
    await s.begin('identity');
    const used: string[] = [];
    const result = await s.authorized(async (token) => {
      used.push(token);
      if (used.length === 1) throw new ApiError('unauthorized', 401);
      return 'ok';
    });
    assert.equal(result, 'ok');
    assert.equal(used.length, 2);
    assert.notEqual(used[0], used[1]);
  });

  it('shares one exchange between concurrent callers', async () => {
    const api = fakeApi([fakeJwt({})]);
    const s = createSession(api, () => NOW);
    void s.begin('identity');
    s.forgetToken();
    await Promise.all([s.token(), s.token(), s.token()]);
    assert.equal(api.calls, 1);
  });

  it('rejects with unauthorized for a refused identity', async () => {
    const s = createSession(fakeApi([]), () => NOW);
    await assert.rejects(s.begin('bad'), (e: unknown) => e instanceof ApiError && e.kind === 'unauthorized');
  });

  it('knows when the identity token itself has expired', async () => {
    const s = createSession(fakeApi([fakeJwt({})]), () => NOW);
    assert.equal(s.identityExpired(), true);
    await s.begin(fakeJwt({ exp: NOW / 1000 - 1 }));
    assert.equal(s.identityExpired(), true);
    await s.begin(fakeJwt({ exp: NOW / 1000 + 60 }));
    assert.equal(s.identityExpired(), false);
  });
});

describe('session answer', () => {
  it('takes the customer from the answer when present', () => {
    const s = normalise({ token: fakeJwt({ sub: 'other' }), customer: { id: 'c-1', displayName: 'Ada' } });
    assert.deepEqual(s.customer, { id: 'c-1', displayName: 'Ada' });
  });

  it('falls back to the session token claims when the answer has only a token', () => {
    const s = normalise({ token: fakeJwt({ sub: 'c-9', name: 'Åse Ølstad' }) } as Session);
    assert.deepEqual(s.customer, { id: 'c-9', displayName: 'Åse Ølstad' });
  });

  it('refuses an answer it cannot use', () => {
    assert.throws(() => normalise({ token: '' } as Session), ApiError);
    assert.throws(() => normalise({ token: 'opaque' } as Session), ApiError);
  });
});
