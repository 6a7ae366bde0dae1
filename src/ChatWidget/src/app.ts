import { createApi } from './api/endpoints';
import { ApiError } from './api/errors';
import type { WidgetConfig } from './config';
import type { AppContext } from './context';
import { ALL_PARTS, loadProgramme, refresh } from './data';
import { attachDock, type DockKind, type DockWindow, watchForDock } from './dock';
import { createEmitter, type Handler } from './events';
import { createHub, type Hub } from './hub';
import { createTranslator, pickLang } from './i18n';
import { createPushHandler } from './push';
import { copyText, createRedeemFlow } from './redeem';
import { createRetrier } from './retry';
import { createSession } from './session';
import { initialState } from './state/state';
import { createStore } from './state/store';
import { createUi, type Ui } from './ui';

export interface WidgetApi {
  identify(identityJwt: string): Promise<void>;
  open(): void;
  close(): void;
  on(event: string, fn: Handler): () => void;
}

const SESSION_RETRIES = 4;
const REWARDS_MAX_AGE_MS = 60_000;

export function startApp(config: WidgetConfig, win: Window): WidgetApi {
  const nav = win.navigator;
  const store = createStore(initialState(pickLang(config.lang, nav.languages?.length ? nav.languages : [nav.language])));
  const emitter = createEmitter();
  const api = createApi(config.base, config.tenant);
  const session = createSession(api);
  const retrier = createRetrier();
  const seenRedemptions = new Set<string>();
  const reported = new Set<string>();
  let ui: Ui | null = null;
  let hub: Hub | null = null;
  let identity: string | null = null;
  let lostAttempts = 0;
  let rewardsAt = 0;

  const ctx: AppContext = {
    config,
    store,
    api,
    session,
    retrier,
    emitter,
    t: () => ui?.t() ?? createTranslator(store.get().lang),
    notify: (text, kind, celebrate) => ui?.notify(text, kind, celebrate),
    announce: (text) => ui?.announce(text),
    focusNext: (key) => ui?.focusNext(key),
    reportError(code, message) {
      if (reported.has(code)) return;
      reported.add(code);
      emitter.emit('error', { code, message });
    },
    sessionLost,
  };
  const redeem = createRedeemFlow(ctx, seenRedemptions);
  const onPush = createPushHandler(ctx, seenRedemptions);

  store.subscribe((state, previous) => {
    // Once the server answers again, the next outage is worth reporting again.
    if (previous.notice === 'offline' && state.notice !== 'offline') reported.delete('network');
    if (state.rewards !== previous.rewards) rewardsAt = Date.now();
  });

  function setOpen(open: boolean, how: 'user' | 'keyboard' | 'api' | 'dock') {
    if (store.get().open === open) return;
    const focusWasInside = ui?.hasFocus() ?? false;
    store.dispatch({ type: 'open', open });
    emitter.emit(open ? 'open' : 'close');
    if (open) {
      if (store.get().auth === 'identified' && Date.now() - rewardsAt > REWARDS_MAX_AGE_MS) refresh(ctx, ['rewards', 'board']);
      // Opening because the visitor's chat opened must not pull focus out of the chat.
      if (how !== 'dock') ui?.focusPanel();
    } else if (how !== 'dock' || focusWasInside) {
      ui?.focusLauncher();
    }
  }

  function startLive() {
    hub?.stop();
    hub = createHub(`${config.base}/hubs/game`, () => session.token(), {
      message: onPush,
      connected(again) {
        // Anything pushed between the first fetch and this moment would otherwise be missed.
        refresh(ctx, again ? ALL_PARTS : ['summary']);
      },
      disconnected() {
        if (store.get().auth === 'identified' && store.get().notice === null) store.dispatch({ type: 'notice', notice: 'offline' });
      },
      unauthorized() {
        session.forgetToken();
      },
    });
    refresh(ctx, ALL_PARTS);
    hub.start();
  }

  function stopLive() {
    hub?.stop();
    hub = null;
    retrier.cancel('identify', ...ALL_PARTS);
  }

  /**
   * The session was refused even after renewal: the identity behind it has expired or was
   * revoked. We say so quietly, tell the host (it can call identify() with a fresh token), and
   * try the exchange again a few times with backoff in case the refusal was momentary.
   */
  function sessionLost() {
    if (store.get().auth !== 'identified' || !identity) return;
    stopLive();
    store.dispatch({ type: 'authLost', reason: 'expired' });
    ctx.reportError('session_expired', 'The visitor session has expired; call identify() with a fresh token.');
    if (session.identityExpired() || lostAttempts >= SESSION_RETRIES) return;
    const again = identity;
    const delay = 2000 * 2 ** lostAttempts++;
    setTimeout(() => {
      if (identity === again && store.get().auth === 'expired') void exchange(again, 'expired');
    }, delay);
  }

  function exchange(jwt: string, onRefusal: 'rejected' | 'expired'): Promise<void> {
    return new Promise<void>((resolve) => {
      retrier.run(
        'identify',
        async () => {
          const s = await session.begin(jwt);
          if (identity !== jwt) return resolve();
          reported.clear();
          store.dispatch({ type: 'identified', customer: s.customer });
          emitter.emit('identified', { customer: s.customer });
          startLive();
          resolve();
        },
        {
          failed(e, retrying) {
            if (identity !== jwt) return resolve();
            if (retrying) {
              if (store.get().notice === null) store.dispatch({ type: 'notice', notice: 'offline' });
              ctx.reportError('network', e instanceof Error ? e.message : 'unreachable');
            } else {
              const refused = e instanceof ApiError && !e.transient;
              if (refused) session.end();
              store.dispatch({ type: 'authLost', reason: refused ? onRefusal : 'expired' });
              ctx.reportError(
                onRefusal === 'rejected' ? 'identity_rejected' : 'session_expired',
                e instanceof Error ? e.message : 'identity refused',
              );
            }
            // The promise settles on the first outcome; transient failures keep retrying behind it.
            resolve();
          },
        },
      );
    });
  }

  function identify(jwt: unknown): Promise<void> {
    if (typeof jwt !== 'string' || jwt.split('.').length !== 3) {
      ctx.reportError('invalid_identity', 'identify() expects the identity JWT as a string.');
      return Promise.resolve();
    }
    if (jwt === identity && store.get().auth === 'identified') return Promise.resolve();
    stopLive();
    identity = jwt;
    lostAttempts = 0;
    store.dispatch({ type: 'identifying' });
    return exchange(jwt, 'rejected');
  }

  function mount() {
    if (ui) return;
    try {
      ui = createUi(win.document, {
      store,
      toggle: (open, how) => setOpen(open, how),
      actions: {
        redeem: redeem.ask,
        confirm: redeem.confirm,
        cancel: redeem.cancel,
        copy: copyText,
        setLang: (lang) => store.dispatch({ type: 'lang', lang }),
      },
      });
    } catch (e) {
      // A hostile or very old page (no Shadow DOM) gets no widget, and keeps working.
      ctx.reportError('unsupported', e instanceof Error ? e.message : 'the widget could not be shown');
      return;
    }
    if (config.dock === 'auto') watchForDock(win as unknown as DockWindow, dockWith);
    emitter.emit('ready', { tenant: config.tenant }, true);
  }

  function dockWith(kind: DockKind) {
    const attached = attachDock(win as unknown as DockWindow, kind, {
      opened() {
        ui?.setChatOpen(true);
        // Beside a narrow screen's full-height messenger there is no room for us too.
        if (win.matchMedia?.('(min-width: 800px)').matches) setOpen(true, 'dock');
      },
      closed() {
        ui?.setChatOpen(false);
        setOpen(false, 'dock');
      },
    });
    if (attached) store.dispatch({ type: 'dock', dock: kind });
  }

  if (win.document.body) mount();
  else win.document.addEventListener('DOMContentLoaded', mount, { once: true });
  loadProgramme(ctx);

  return {
    identify,
    open: () => setOpen(true, 'api'),
    close: () => setOpen(false, 'api'),
    on: (event, fn) => emitter.on(event, fn),
  };
}
