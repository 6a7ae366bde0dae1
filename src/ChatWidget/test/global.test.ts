import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WidgetApi } from '../src/app';
import { alreadyLoaded, inertApi, installGlobal } from '../src/global';

function recordingApi() {
  const calls: string[] = [];
  const api: WidgetApi = {
    identify: async (jwt) => void calls.push(`identify:${jwt}`),
    open: () => void calls.push('open'),
    close: () => void calls.push('close'),
    on: (event) => {
      calls.push(`on:${event}`);
      return () => calls.push(`off:${event}`);
    },
  };
  return { api, calls };
}

describe('installGlobal', () => {
  it('replays calls queued by the stub, in order, and resolves them', async () => {
    const { api, calls } = recordingApi();
    let unsubscribe: unknown;
    let identified = false;
    const stub = {
      q: [
        ['on', ['ready', () => undefined], (off: unknown) => (unsubscribe = off)],
        ['identify', ['a.b.c'], () => (identified = true)],
        ['open', []],
      ],
    };
    const win: Record<string, unknown> = { HelpdeskGamify: stub };
    installGlobal(win, api, '1.0.0');
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(calls, ['on:ready', 'identify:a.b.c', 'open']);
    assert.equal(typeof unsubscribe, 'function');
    assert.equal(identified, true);
    // Hosts that kept a reference to the stub object get the real methods on it.
    assert.equal(win.HelpdeskGamify, stub);
    assert.equal(typeof (stub as unknown as WidgetApi).identify, 'function');
    assert.equal(alreadyLoaded(win), true);
  });

  it('runs pushes made later onto the old queue reference', () => {
    const { api, calls } = recordingApi();
    const q: unknown[] = [];
    const win: Record<string, unknown> = { HelpdeskGamify: { q } };
    installGlobal(win, api, '1');
    (win.HelpdeskGamify as { q: unknown[] }).q.push(['close', []]);
    assert.deepEqual(calls, ['close']);
  });

  it('skips malformed queue entries', () => {
    const { api, calls } = recordingApi();
    installGlobal({ HelpdeskGamify: { q: [null, 'open', ['destroyEverything', []], [42]] } }, api, '1');
    assert.deepEqual(calls, []);
  });

  it('creates the global when there was no stub', () => {
    const { api } = recordingApi();
    const win: Record<string, unknown> = {};
    assert.equal(alreadyLoaded(win), false);
    installGlobal(win, api, '1');
    assert.equal(alreadyLoaded(win), true);
  });
});

describe('inertApi', () => {
  it('never throws and reports the misconfiguration to error listeners', async () => {
    const api = inertApi('no tenant');
    await api.identify('x');
    api.open();
    let got: unknown;
    api.on('error', (e) => (got = e));
    await Promise.resolve();
    assert.deepEqual(got, { code: 'misconfigured', message: 'no tenant' });
  });
});
