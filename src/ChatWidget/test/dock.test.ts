import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attachDock, detectDock, type DockWindow, watchForDock } from '../src/dock';

function fakeZendesk() {
  const handlers: Record<string, () => void> = {};
  const zE = (api: string, event: string, fn: () => void) => {
    assert.equal(api, 'messenger:on');
    handlers[event] = fn;
  };
  return { win: { zE } as DockWindow, handlers };
}

function fakeFreshchat() {
  const handlers: Record<string, () => void> = {};
  return { win: { fcWidget: { on: (event: string, fn: () => void) => (handlers[event] = fn) } } as DockWindow, handlers };
}

describe('detectDock', () => {
  it('finds the Zendesk messenger', () => assert.equal(detectDock(fakeZendesk().win), 'zendesk'));
  it('finds Freshchat', () => assert.equal(detectDock(fakeFreshchat().win), 'freshchat'));
  it('is standalone when neither is on the page', () => assert.equal(detectDock({}), 'standalone'));
  it('does not take a half-loaded Freshchat object for the real one', () => {
    assert.equal(detectDock({ fcWidget: {} } as DockWindow), 'standalone');
  });
});

describe('attachDock', () => {
  it('follows the Zendesk messenger opening and closing', () => {
    const { win, handlers } = fakeZendesk();
    const calls: string[] = [];
    const detach = attachDock(win, 'zendesk', { opened: () => calls.push('open'), closed: () => calls.push('close') });
    handlers.open();
    handlers.close();
    assert.deepEqual(calls, ['open', 'close']);
    detach?.();
    handlers.open();
    assert.deepEqual(calls, ['open', 'close']);
  });

  it('follows Freshchat widget events', () => {
    const { win, handlers } = fakeFreshchat();
    const calls: string[] = [];
    attachDock(win, 'freshchat', { opened: () => calls.push('open'), closed: () => calls.push('close') });
    handlers['widget:opened']();
    handlers['widget:closed']();
    assert.deepEqual(calls, ['open', 'close']);
  });

  it('stays standalone when the messenger API throws', () => {
    const win = {
      zE: () => {
        throw new Error('unknown command');
      },
    } as DockWindow;
    assert.equal(attachDock(win, 'zendesk', { opened() {}, closed() {} }), null);
  });
});

describe('watchForDock', () => {
  function manualTimers() {
    const queue: (() => void)[] = [];
    return { setTimer: (fn: () => void) => queue.push(fn), tick: () => queue.shift()?.(), pending: () => queue.length };
  }

  it('notices a messenger that loads after us', () => {
    const win: DockWindow = {};
    const timers = manualTimers();
    const found: string[] = [];
    watchForDock(win, (k) => found.push(k), { intervalMs: 100, timeoutMs: 1000, setTimer: timers.setTimer });
    timers.tick();
    win.zE = () => undefined;
    timers.tick();
    assert.deepEqual(found, ['zendesk']);
    assert.equal(timers.pending(), 0);
  });

  it('gives up after the timeout', () => {
    const timers = manualTimers();
    let looks = 0;
    watchForDock({}, () => assert.fail('nothing to find'), { intervalMs: 100, timeoutMs: 300, setTimer: (fn) => timers.setTimer(() => (looks++, fn())) });
    while (timers.pending() > 0) timers.tick();
    assert.equal(looks, 3);
  });
});
