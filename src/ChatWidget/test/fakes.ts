import type { Api } from '../src/api/endpoints';
import type { AppContext } from '../src/context';
import { createEmitter } from '../src/events';
import { createTranslator } from '../src/i18n';
import { createRetrier } from '../src/retry';
import { createSession } from '../src/session';
import { initialState } from '../src/state/state';
import { createStore } from '../src/state/store';
import { summary } from './helpers';

/** An app context with real state, session and emitter, a fake API and recorded UI output. */
export async function fakeContext(api: Partial<Api> = {}) {
  const store = createStore(initialState('en'));
  const emitter = createEmitter();
  const fullApi = {
    session: async () => ({ token: 'session', customer: { id: 'c-1', displayName: 'Ada' } }),
    ...api,
  } as Api;
  const session = createSession(fullApi);
  await session.begin('identity');
  const toasts: { text: string; kind: string; celebrate: boolean }[] = [];
  const announced: string[] = [];
  const focus: string[] = [];
  const events: [string, unknown][] = [];
  let lost = 0;
  for (const name of ['pointsAwarded', 'badgeEarned', 'levelChanged', 'rewardRedeemed', 'error'])
    emitter.on(name, (p) => events.push([name, p]));
  const ctx: AppContext = {
    config: { base: 'https://h', tenant: 't', lang: null, dock: 'auto' },
    store,
    api: fullApi,
    session,
    retrier: createRetrier(),
    emitter,
    t: () => createTranslator(store.get().lang),
    notify: (text, kind, celebrate = false) => void toasts.push({ text, kind, celebrate }),
    announce: (text) => void announced.push(text),
    focusNext: (key) => void focus.push(key),
    reportError: (code, message) => emitter.emit('error', { code, message }),
    sessionLost: () => void lost++,
  };
  store.dispatch({ type: 'identified', customer: { id: 'c-1', displayName: 'Ada' } });
  store.dispatch({ type: 'summary', summary: summary() });
  return { ctx, store, toasts, announced, focus, events, lost: () => lost };
}
