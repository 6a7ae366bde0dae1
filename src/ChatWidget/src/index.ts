import { startApp } from './app';
import { findScript, parseConfig } from './config';
import { alreadyLoaded, installGlobal, inertApi } from './global';

declare const __HG_VERSION__: string;

/**
 * The loader: find our own tag, read its settings, publish window.HelpdeskGamify. Nothing
 * may escape from here onto the host page, so every failure ends in a console warning and
 * an inert global at worst.
 */
(function boot() {
  try {
    if (alreadyLoaded(window as never)) return;
    const script = findScript(document);
    const config = script ? parseConfig(script, location.href) : null;
    if (!config) {
      const reason = 'HelpdeskGamify: add data-tenant="<your tenant>" to the widget.js script tag.';
      console.warn(reason);
      installGlobal(window as never, inertApi(reason), __HG_VERSION__);
      return;
    }
    installGlobal(window as never, startApp(config, window), __HG_VERSION__);
  } catch (e) {
    console.warn('HelpdeskGamify: the widget could not start.', e);
  }
})();
