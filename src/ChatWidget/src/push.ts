import type { AppContext } from './context';
import { refresh } from './data';
import { reasonInSentence } from './format';
import type { HubMethod } from './hub';
import { isMine } from './state/reducer';
import type { BadgeEarned, LeaderboardChanged, LevelChanged, PointsAwarded, QuestProgress, RewardRedeemed } from './types';

/**
 * Applies one hub push: state first (so the panel is right), then the toast and live-region
 * line, then the host's event. The toast is shown straight from the push, without a refetch,
 * so it appears as soon as the message arrives.
 */
export function createPushHandler(ctx: AppContext, seenRedemptions: Set<string>) {
  let boardTimer: ReturnType<typeof setTimeout> | undefined;

  return function handle(method: HubMethod, payload: unknown) {
    if (!payload || typeof payload !== 'object') return;
    const { store, emitter } = ctx;
    const before = store.get();
    const t = ctx.t();
    switch (method) {
      case 'pointsAwarded': {
        const e = payload as PointsAwarded;
        if (!isMine(before, e.participantId) || typeof e.points !== 'number') return;
        store.dispatch({ type: 'pointsAwarded', event: e });
        if (e.points !== 0) ctx.notify(pointsText(ctx, e), 'points');
        emitter.emit('pointsAwarded', e);
        return;
      }
      case 'badgeEarned': {
        const e = payload as BadgeEarned;
        if (!isMine(before, e.participantId) || !e.badge) return;
        const known = before.summary?.badges.some((b) => b.id === e.badge.id);
        store.dispatch({ type: 'badgeEarned', event: e });
        if (!known) ctx.notify(t('toastBadge', { name: e.badge.name }), 'badge', true);
        emitter.emit('badgeEarned', e);
        return;
      }
      case 'levelChanged': {
        const e = payload as LevelChanged;
        if (!isMine(before, e.participantId) || !e.level) return;
        store.dispatch({ type: 'levelChanged', event: e });
        if (e.direction === 'down') ctx.notify(t('toastLevelDown', { name: e.level.name }), 'level');
        else ctx.notify(t('toastLevelUp', { name: e.level.name }), 'level', true);
        emitter.emit('levelChanged', e);
        return;
      }
      case 'questProgress': {
        const e = payload as QuestProgress;
        if (!isMine(before, e.participantId) || !e.quest) return;
        const wasDone = before.summary?.quests.find((q) => q.id === e.quest.id)?.completed;
        store.dispatch({ type: 'questProgress', event: e });
        if (e.quest.completed && !wasDone) ctx.notify(t('toastQuestDone', { name: e.quest.name }), 'quest', true);
        return;
      }
      case 'rewardRedeemed': {
        const e = payload as RewardRedeemed;
        if (!isMine(before, e.participantId) || !e.redemption) return;
        store.dispatch({ type: 'rewardRedeemed', event: e });
        // Our own redeem already told the host; a push for it (or for another tab's) only once.
        if (seenRedemptions.has(e.redemption.redemptionId)) return;
        seenRedemptions.add(e.redemption.redemptionId);
        emitter.emit('rewardRedeemed', e);
        return;
      }
      case 'leaderboardChanged': {
        const e = payload as LeaderboardChanged;
        if (e.board !== 'customers' || !Array.isArray(e.periods) || !e.periods.includes('month')) return;
        // Boards move often on a busy tenant; one refetch per few seconds is plenty.
        if (boardTimer === undefined) {
          boardTimer = setTimeout(() => {
            boardTimer = undefined;
            refresh(ctx, ['board']);
          }, 3000);
        }
        return;
      }
    }
  };
}

export function pointsText(ctx: Pick<AppContext, 't' | 'store'>, e: Pick<PointsAwarded, 'points' | 'reason'>): string {
  const t = ctx.t();
  const lang = ctx.store.get().lang;
  const reason = typeof e.reason === 'string' ? reasonInSentence(lang, e.reason) : '';
  if (e.points < 0) {
    return reason ? t('toastPointsRemoved', { count: -e.points, reason }) : t('toastPointsRemovedPlain', { count: -e.points });
  }
  return reason ? t('toastPoints', { count: e.points, reason }) : t('toastPointsPlain', { count: e.points });
}
