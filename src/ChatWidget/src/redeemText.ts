import type { MessageKey, Translate } from './i18n';
import type { RedeemFailure } from './state/state';
import type { Reward } from './types';

// Shared by the panel (what is shown) and the redeem flow (what the live region says).

const FAILURE_TEXT: Record<Exclude<RedeemFailure, 'insufficient_points'>, MessageKey> = {
  out_of_stock: 'errOutOfStock',
  limit_reached: 'errLimit',
  failed: 'errRedeem',
};

export function failureText(reason: RedeemFailure, need: number | undefined, { t }: { t: Translate }): string {
  if (reason === 'insufficient_points') return need && need > 0 ? t('needMore', { count: need }) : t('errInsufficient');
  return t(FAILURE_TEXT[reason]);
}

export function perkText(r: Pick<Reward, 'kind' | 'name'>, { t }: { t: Translate }): string {
  if (r.kind === 'priority_service') return t('redeemedPriority');
  if (r.kind === 'exclusive_offer') return t('redeemedOffer');
  return t('redeemedGeneric', { name: r.name });
}
