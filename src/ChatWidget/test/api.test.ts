import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { createApi } from '../src/api/endpoints';
import { ApiError, toApiError } from '../src/api/errors';
import { requestJson } from '../src/api/http';

describe('toApiError', () => {
  it('maps the three redemption conflicts by their code', () => {
    for (const code of ['insufficient_points', 'out_of_stock', 'limit_reached'] as const) {
      const e = toApiError(409, { type: 'about:blank', title: 'Conflict', status: 409, detail: 'No.', code });
      assert.equal(e.kind, 'conflict');
      assert.equal(e.code, code);
      assert.equal(e.detail, 'No.');
      assert.equal(e.transient, false);
    }
  });

  it('keeps an unknown conflict code as unknown', () => {
    assert.equal(toApiError(409, { code: 'frozen' }).code, 'unknown');
    assert.equal(toApiError(409, undefined).code, 'unknown');
  });

  it('treats 401 as unauthorized and not worth blind retrying', () => {
    const e = toApiError(401, { title: 'Unauthorized' });
    assert.equal(e.kind, 'unauthorized');
    assert.equal(e.transient, false);
  });

  it('treats 5xx, 408 and 429 as transient', () => {
    for (const status of [500, 502, 503, 408, 429]) assert.equal(toApiError(status, null).transient, true, String(status));
  });

  it('treats other 4xx as our mistake', () => {
    assert.equal(toApiError(400, {}).kind, 'invalid');
    assert.equal(toApiError(404, {}).kind, 'not_found');
    assert.equal(toApiError(403, {}).kind, 'forbidden');
  });
});

describe('requestJson', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  function stub(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
    const calls: { url: string; init: RequestInit }[] = [];
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return respond(url, init);
    }) as typeof fetch;
    return calls;
  }

  it('sends the bearer token and JSON body, and parses the answer', async () => {
    const calls = stub(() => new Response(JSON.stringify({ redemptionId: 'r' }), { status: 201 }));
    const api = createApi('https://hub.example.com', 'acme');
    const result = await api.redeem('tok', 'cust/1', 'gift');
    assert.deepEqual(result, { redemptionId: 'r' });
    assert.equal(calls[0].url, 'https://hub.example.com/api/tenants/acme/customers/cust%2F1/redemptions');
    const headers = calls[0].init.headers as Record<string, string>;
    assert.equal(headers.Authorization, 'Bearer tok');
    assert.equal(calls[0].init.body, '{"rewardId":"gift"}');
    assert.equal(calls[0].init.credentials, 'omit');
  });

  it('asks for the month board of five', async () => {
    const calls = stub(() => new Response('{"board":"customers","period":"month","entries":[],"me":null}'));
    await createApi('https://h', 't').board('tok');
    assert.equal(calls[0].url, 'https://h/api/tenants/t/leaderboards/customers?period=month&limit=5');
  });

  it('turns a problem+json 409 into a conflict with its code', async () => {
    stub(
      () =>
        new Response(JSON.stringify({ status: 409, title: 'Conflict', code: 'out_of_stock' }), {
          status: 409,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    );
    await assert.rejects(requestJson('https://h/x'), (e: unknown) => e instanceof ApiError && e.code === 'out_of_stock');
  });

  it('turns a failed fetch into a transient network error', async () => {
    stub(() => Promise.reject(new TypeError('Failed to fetch')));
    await assert.rejects(requestJson('https://h/x'), (e: unknown) => e instanceof ApiError && e.kind === 'network' && e.transient);
  });

  it('treats an unreadable success body as a server error', async () => {
    stub(() => new Response('<html>proxy</html>', { status: 200 }));
    await assert.rejects(requestJson('https://h/x'), (e: unknown) => e instanceof ApiError && e.kind === 'server');
  });

  it('gives up on a hung request after the timeout', async () => {
    stub(
      (_url, init) =>
        new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    await assert.rejects(requestJson('https://h/x', { timeoutMs: 10 }), (e: unknown) => e instanceof ApiError && e.kind === 'network');
  });
});
