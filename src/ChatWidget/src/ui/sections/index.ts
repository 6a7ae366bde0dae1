import type { State } from '../../state/state';
import type { View } from '../context';
import { badgesSection } from './badges';
import { boardSection } from './board';
import { noticeSection } from './notice';
import { earnSection, introSection, tiersSection } from './programme';
import { questsSection } from './quests';
import { rewardsSection } from './rewards';
import { summarySection } from './summary';

export interface SectionSpec {
  key: string;
  /** The state a section reads; it is rebuilt only when one of these changes (by identity). */
  deps(s: State): unknown[];
  render(view: View): HTMLElement | null;
}

const notice: SectionSpec = { key: 'notice', deps: (s) => [s.notice], render: noticeSection };
const intro: SectionSpec = { key: 'intro', deps: (s) => [s.auth], render: introSection };
const summary: SectionSpec = { key: 'summary', deps: (s) => [s.summary], render: summarySection };
const quests: SectionSpec = { key: 'quests', deps: (s) => [s.summary?.quests], render: questsSection };
const badges: SectionSpec = { key: 'badges', deps: (s) => [s.summary?.badges], render: badgesSection };
const board: SectionSpec = { key: 'board', deps: (s) => [s.board, s.customer], render: boardSection };
const earn: SectionSpec = { key: 'earn', deps: (s) => [s.programme], render: earnSection };
const tiers: SectionSpec = { key: 'tiers', deps: (s) => [s.programme, s.auth], render: tiersSection };
const rewards: SectionSpec = {
  key: 'rewards',
  deps: (s) => [s.auth, s.rewards, s.programme, s.redeem],
  render: rewardsSection,
};

/** Identified visitors see their own progress first; anonymous ones see how the programme works. */
export function sectionsFor(s: State): SectionSpec[] {
  return s.auth === 'identified'
    ? [notice, summary, quests, rewards, badges, board, earn]
    : [notice, intro, earn, rewards, tiers];
}
