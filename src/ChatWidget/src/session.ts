import type { Api } from './api/endpoints';
import { ApiError } from './api/errors';
import { expiresSoon, jwtClaim } from './jwt';
import type { Session } from './types';

/**
 * Holds the identity token the host gave us and the session token it was exchanged for.
 * The session token is renewed from the identity token when it is about to expire, so a long
 * visit keeps working until the identity itself expires (at most 24 h by contract).
 */
export function createSession(api: Pick<Api, 'session'>, now: () => number = Date.now) {
  let identity: string | null = null;
  let current: Session | null = null;
  let renewing: Promise<Session> | null = null;

  function exchange(): Promise<Session> {
    if (!identity) return Promise.reject(new ApiError('unauthorized', 401, null, 'not identified'));
    const asked = identity;
    // Concurrent callers (REST and the hub reconnecting together) share one exchange.
    renewing ??= api
      .session(asked)
      .then(normalise)
      .then((s) => {
        if (identity === asked) current = s;
        return s;
      })
      .finally(() => {
        renewing = null;
      });
    return renewing;
  }

  async function token(): Promise<string> {
    if (current && !expiresSoon(current.token, now())) return current.token;
    return (await exchange()).token;
  }

  return {
    /** Starts over with a new identity token; the old session is dropped even if this fails. */
    begin(identityToken: string): Promise<Session> {
      identity = identityToken;
      current = null;
      renewing = null;
      return exchange();
    },
    get customerId(): string | null {
      return current?.customer.id ?? null;
    },
    /** A usable session token, renewed first when it is known to be about to expire. */
    token,
    /** Runs a call with the session token; a 401 gets one renewal and one retry. */
    async authorized<T>(call: (token: string) => Promise<T>): Promise<T> {
      const first = await token();
      try {
        return await call(first);
      } catch (e) {
        if (!(e instanceof ApiError) || e.kind !== 'unauthorized') throw e;
        if (current?.token === first) current = null;
        return call(await token());
      }
    },
    /** Whether the identity token itself is past its expiry, so renewing cannot succeed. */
    identityExpired(): boolean {
      return identity === null || expiresSoon(identity, now(), 0);
    },
    forgetToken() {
      current = null;
    },
    end() {
      identity = null;
      current = null;
      renewing = null;
    },
  };
}

export type SessionManager = ReturnType<typeof createSession>;

/**
 * The shared contract lists only `token` in the exchange's answer; the widget brief adds
 * `customer`. Accept both: without `customer`, the session token's own claims name the visitor.
 */
export function normalise(raw: Session): Session {
  if (!raw || typeof raw.token !== 'string' || !raw.token) throw new ApiError('server', 200, null, 'session without token');
  const id = raw.customer?.id ?? jwtClaim(raw.token, 'sub');
  if (typeof id !== 'string' || !id) throw new ApiError('server', 200, null, 'session without customer');
  const name = raw.customer?.displayName ?? jwtClaim(raw.token, 'name');
  return { token: raw.token, customer: { id, displayName: typeof name === 'string' ? name : '' } };
}
