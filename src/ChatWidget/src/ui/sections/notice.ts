import type { MessageKey } from '../../i18n';
import type { View } from '../context';
import { h } from '../dom';

const TEXT: Record<'offline' | 'expired' | 'rejected', MessageKey> = {
  offline: 'noticeOffline',
  expired: 'noticeExpired',
  rejected: 'noticeRejected',
};

export function noticeSection({ state, t }: View): HTMLElement | null {
  if (!state.notice) return null;
  return h('p', { class: 'hg-notice', 'data-hg': 'notice', 'data-notice': state.notice }, t(TEXT[state.notice]));
}
