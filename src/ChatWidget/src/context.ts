import type { Api } from './api/endpoints';
import type { WidgetConfig } from './config';
import type { Emitter } from './events';
import type { Translate } from './i18n';
import type { createRetrier } from './retry';
import type { SessionManager } from './session';
import type { Store } from './state/store';
import type { ToastKind } from './ui/toast';

/** What the app's parts share. The UI is optional: it mounts only once the page has a body. */
export interface AppContext {
  config: WidgetConfig;
  store: Store;
  api: Api;
  session: SessionManager;
  retrier: ReturnType<typeof createRetrier>;
  emitter: Emitter;
  t(): Translate;
  notify(text: string, kind: ToastKind, celebrate?: boolean): void;
  announce(text: string): void;
  focusNext(key: string): void;
  /** Reports a failure to the host once per kind of trouble until things work again. */
  reportError(code: string, message: string): void;
  /** The session was refused even after renewal. */
  sessionLost(): void;
}
