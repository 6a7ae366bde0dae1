// Shapes of the AgentHub widget API, as written in the shared contract.

export interface Customer {
  id: string;
  displayName: string;
}

export interface Level {
  index: number;
  name: string;
  points: number;
  threshold: number;
  nextName: string | null;
  nextThreshold: number | null;
}

export interface Badge {
  id: string;
  name: string;
  description: string;
  tier: string;
  earnedAt?: string;
}

export interface Quest {
  id: string;
  name: string;
  description: string;
  progress: number;
  target: number;
  completed: boolean;
  rewardPoints: number;
  endsAt: string | null;
}

export interface CustomerSummary {
  participantId: string;
  kind: string;
  displayName: string;
  points: number;
  pendingPoints: number;
  byCategory: Record<string, number>;
  level: Level;
  badges: Badge[];
  quests: Quest[];
}

export type RewardKind = 'discount_code' | 'priority_service' | 'exclusive_offer';

export interface Reward {
  id: string;
  name: string;
  description: string;
  kind: RewardKind | string;
  cost: number;
  stock: number | null;
  perCustomerLimit: number | null;
}

export interface Redemption {
  redemptionId: string;
  rewardId: string;
  rewardName: string;
  code: string | null;
  points: number;
  balance: number;
}

export interface BoardEntry {
  rank: number;
  participantId: string;
  displayName: string;
  points: number;
}

export interface Leaderboard {
  board: string;
  period: string;
  entries: BoardEntry[];
  me: BoardEntry | null;
}

export interface Programme {
  name: string;
  earn: { description: string; points: number }[];
  rewards: Reward[];
  tiers: { name: string; threshold: number; perks: string[] }[];
}

export interface Session {
  token: string;
  customer: Customer;
}

// Hub pushes (server -> client), camelCase as the hub sends them.
export interface PointsAwarded {
  participantId: string;
  kind: string;
  points: number;
  category: string;
  reason: string;
  ticketId: string | null;
  total: number;
  pending: number;
}

export interface BadgeEarned {
  participantId: string;
  kind: string;
  badge: Badge;
}

export interface LevelChanged {
  participantId: string;
  kind: string;
  level: Level;
  direction: 'up' | 'down';
}

export interface QuestProgress {
  participantId: string;
  quest: Quest;
}

export interface LeaderboardChanged {
  board: string;
  periods: string[];
}

export interface RewardRedeemed {
  participantId: string;
  redemption: Redemption;
}
