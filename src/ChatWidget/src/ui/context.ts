import type { Lang, Translate } from '../i18n';
import type { State } from '../state/state';
import type { Reward } from '../types';

/** What the panel may ask of the app; the UI itself never calls the network. */
export interface UiActions {
  redeem(reward: Reward): void;
  confirm(rewardId: string): void;
  cancel(rewardId: string): void;
  copy(code: string): Promise<boolean>;
  setLang(lang: Lang): void;
  close(): void;
  /** Moves focus to the element with this data-hg after the next render. */
  focusNext(key: string): void;
}

export interface View {
  state: State;
  t: Translate;
  now: number;
  actions: UiActions;
}
