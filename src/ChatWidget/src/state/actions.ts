import type { DockKind } from '../dock';
import type { Lang } from '../i18n';
import type {
  BadgeEarned,
  Customer,
  CustomerSummary,
  Leaderboard,
  LevelChanged,
  PointsAwarded,
  Programme,
  QuestProgress,
  Redemption,
  Reward,
  RewardRedeemed,
} from '../types';
import type { Notice, RedeemFailure } from './state';

export type Action =
  | { type: 'lang'; lang: Lang }
  | { type: 'open'; open: boolean }
  | { type: 'dock'; dock: DockKind }
  | { type: 'notice'; notice: Notice }
  | { type: 'programme'; programme: Programme }
  | { type: 'identifying' }
  | { type: 'identified'; customer: Customer }
  | { type: 'authLost'; reason: 'expired' | 'rejected' }
  | { type: 'summary'; summary: CustomerSummary }
  | { type: 'rewards'; rewards: Reward[] }
  | { type: 'board'; board: Leaderboard }
  | { type: 'pointsAwarded'; event: PointsAwarded }
  | { type: 'badgeEarned'; event: BadgeEarned }
  | { type: 'levelChanged'; event: LevelChanged }
  | { type: 'questProgress'; event: QuestProgress }
  | { type: 'rewardRedeemed'; event: RewardRedeemed }
  | { type: 'redeemAsk'; rewardId: string }
  | { type: 'redeemCancel'; rewardId: string }
  | { type: 'redeemPending'; rewardId: string }
  | { type: 'redeemDone'; redemption: Redemption }
  | { type: 'redeemFailed'; rewardId: string; reason: RedeemFailure; need?: number };
