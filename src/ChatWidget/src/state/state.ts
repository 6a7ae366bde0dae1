import type { DockKind } from '../dock';
import type { Lang } from '../i18n';
import type { Customer, CustomerSummary, Leaderboard, Programme, Redemption, Reward } from '../types';

export type Auth = 'anonymous' | 'identifying' | 'identified' | 'expired' | 'rejected';
/** A quiet line at the top of the panel; never a modal, never an alert. */
export type Notice = 'offline' | 'expired' | 'rejected' | null;
export type RedeemFailure = 'insufficient_points' | 'out_of_stock' | 'limit_reached' | 'failed';

export type RedeemStep =
  | { phase: 'confirm' }
  | { phase: 'pending' }
  | { phase: 'done'; redemption: Redemption }
  | { phase: 'error'; reason: RedeemFailure; need?: number };

export interface State {
  lang: Lang;
  open: boolean;
  dock: DockKind;
  auth: Auth;
  customer: Customer | null;
  programme: Programme | null;
  summary: CustomerSummary | null;
  rewards: Reward[] | null;
  board: Leaderboard | null;
  notice: Notice;
  redeem: Readonly<Record<string, RedeemStep>>;
}

export function initialState(lang: Lang): State {
  return {
    lang,
    open: false,
    dock: 'standalone',
    auth: 'anonymous',
    customer: null,
    programme: null,
    summary: null,
    rewards: null,
    board: null,
    notice: null,
    redeem: {},
  };
}
