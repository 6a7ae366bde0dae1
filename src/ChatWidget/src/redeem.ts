import { ApiError } from './api/errors';
import type { AppContext } from './context';
import type { RedeemFailure } from './state/state';
import type { Reward } from './types';
import { failureText, perkText } from './redeemText';

/**
 * Redeeming is two steps on purpose: spending points cannot be undone from the widget.
 * Obvious refusals (sold out, too few points) are answered locally with the same words the
 * server's 409 would produce, so the visitor is not asked to confirm something impossible.
 */
export function createRedeemFlow(ctx: AppContext, seenRedemptions: Set<string>) {
  const { store } = ctx;

  function fail(rewardId: string, reason: RedeemFailure, need?: number) {
    ctx.focusNext(`redeem-error-${rewardId}`);
    store.dispatch({ type: 'redeemFailed', rewardId, reason, need });
    ctx.announce(failureText(reason, need, { t: ctx.t() }));
  }

  return {
    ask(reward: Reward) {
      const state = store.get();
      if (state.auth !== 'identified') return;
      if (reward.stock !== null && reward.stock !== undefined && reward.stock <= 0) return fail(reward.id, 'out_of_stock');
      const points = state.summary?.points;
      if (points !== undefined && points < reward.cost) return fail(reward.id, 'insufficient_points', reward.cost - points);
      ctx.focusNext(`confirm-${reward.id}`);
      store.dispatch({ type: 'redeemAsk', rewardId: reward.id });
    },

    cancel(rewardId: string) {
      ctx.focusNext(`redeem-${rewardId}`);
      store.dispatch({ type: 'redeemCancel', rewardId });
    },

    confirm(rewardId: string) {
      const customerId = ctx.session.customerId;
      const reward = store.get().rewards?.find((r) => r.id === rewardId);
      if (!customerId || !reward || store.get().redeem[rewardId]?.phase === 'pending') return;
      ctx.focusNext(`reward-${rewardId}`);
      store.dispatch({ type: 'redeemPending', rewardId });
      ctx.session
        .authorized((token) => ctx.api.redeem(token, customerId, rewardId))
        .then((redemption) => {
          if (ctx.session.customerId !== customerId) return;
          seenRedemptions.add(redemption.redemptionId);
          ctx.focusNext(`redeem-result-${rewardId}`);
          store.dispatch({ type: 'redeemDone', redemption });
          const t = ctx.t();
          ctx.announce(redemption.code ? `${t('yourCode')}: ${redemption.code}` : perkText(reward, { t }));
          ctx.emitter.emit('rewardRedeemed', { participantId: customerId, redemption });
        })
        .catch((e: unknown) => {
          if (ctx.session.customerId !== customerId) return;
          if (e instanceof ApiError && e.kind === 'unauthorized') {
            ctx.sessionLost();
            return;
          }
          const code = e instanceof ApiError && e.kind === 'conflict' ? e.code : null;
          const points = store.get().summary?.points;
          const need = code === 'insufficient_points' && points !== undefined ? reward.cost - points : undefined;
          fail(rewardId, code && code !== 'unknown' ? code : 'failed', need);
        });
    },
  };
}

/** Copying can be refused (permissions, insecure context); the code stays selectable anyway. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
