import type { CustomerSummary } from '../types';
import type { Action } from './actions';
import type { RedeemStep, State } from './state';

export function reduce(state: State, action: Action): State {
  switch (action.type) {
    case 'lang':
      return { ...state, lang: action.lang };
    case 'open':
      return { ...state, open: action.open };
    case 'dock':
      return { ...state, dock: action.dock };
    case 'notice':
      return { ...state, notice: action.notice };
    case 'programme':
      return { ...online(state), programme: action.programme };
    case 'identifying':
      return { ...state, auth: 'identifying' };
    case 'identified': {
      // A different person signing in on the same page must not see the previous one's data.
      const same = state.customer?.id === action.customer.id;
      return {
        ...state,
        auth: 'identified',
        notice: null,
        customer: action.customer,
        summary: same ? state.summary : null,
        board: same ? state.board : null,
        redeem: same ? state.redeem : {},
      };
    }
    case 'authLost':
      return {
        ...state,
        auth: action.reason,
        notice: action.reason,
        customer: null,
        summary: null,
        board: null,
        rewards: null,
        redeem: {},
      };
    case 'summary':
      return { ...online(state), summary: action.summary };
    case 'rewards':
      return { ...online(state), rewards: action.rewards };
    case 'board':
      return { ...online(state), board: action.board };
    case 'pointsAwarded':
      return withSummary(state, action.event.participantId, (s) => ({
        ...s,
        points: action.event.total,
        pendingPoints: action.event.pending,
        byCategory: {
          ...s.byCategory,
          [action.event.category]: (s.byCategory[action.event.category] ?? 0) + action.event.points,
        },
      }));
    case 'badgeEarned':
      return withSummary(state, action.event.participantId, (s) =>
        s.badges.some((b) => b.id === action.event.badge.id)
          ? s
          : { ...s, badges: [...s.badges, { earnedAt: new Date().toISOString(), ...action.event.badge }] },
      );
    case 'levelChanged':
      return withSummary(state, action.event.participantId, (s) => ({ ...s, level: action.event.level }));
    case 'questProgress':
      return withSummary(state, action.event.participantId, (s) => {
        const quest = action.event.quest;
        const known = s.quests.some((q) => q.id === quest.id);
        return { ...s, quests: known ? s.quests.map((q) => (q.id === quest.id ? quest : q)) : [...s.quests, quest] };
      });
    case 'rewardRedeemed':
      return withSummary(state, action.event.participantId, (s) => ({ ...s, points: action.event.redemption.balance }));
    case 'redeemAsk':
      return setStep(state, action.rewardId, { phase: 'confirm' });
    case 'redeemCancel': {
      const { [action.rewardId]: _dropped, ...rest } = state.redeem;
      return { ...state, redeem: rest };
    }
    case 'redeemPending':
      return setStep(state, action.rewardId, { phase: 'pending' });
    case 'redeemDone': {
      const r = action.redemption;
      const next = setStep(state, r.rewardId, { phase: 'done', redemption: r });
      return {
        ...next,
        summary: next.summary ? { ...next.summary, points: r.balance } : null,
        rewards:
          next.rewards?.map((w) => (w.id === r.rewardId && w.stock !== null ? { ...w, stock: Math.max(0, w.stock - 1) } : w)) ??
          null,
      };
    }
    case 'redeemFailed':
      return setStep(state, action.rewardId, { phase: 'error', reason: action.reason, need: action.need });
    default:
      return state;
  }
}

/**
 * Pushes name a participant; the widget only ever applies its own. Both ids are accepted because
 * the session names the helpdesk customer id while summaries carry the engine's participant id.
 */
export function isMine(state: State, participantId: string): boolean {
  return !!participantId && (participantId === state.customer?.id || participantId === state.summary?.participantId);
}

/** Any answer from the server ends an "offline" notice; other notices need a new identity. */
function online(state: State): State {
  return state.notice === 'offline' ? { ...state, notice: null } : state;
}

function withSummary(state: State, participantId: string, update: (s: CustomerSummary) => CustomerSummary): State {
  if (!state.summary || !isMine(state, participantId)) return state;
  const summary = update(state.summary);
  return summary === state.summary ? state : { ...state, summary };
}

function setStep(state: State, rewardId: string, step: RedeemStep): State {
  return { ...state, redeem: { ...state.redeem, [rewardId]: step } };
}
