import { Api, ApiError } from './api';
import { takeSession } from './session';
import { DrillDown } from './team/drilldown';
import { KpiView } from './team/kpis';
import { ReviewView } from './team/review';
import { RulesView } from './team/rules';
import { StatsView } from './team/stats';
import { $, debounce } from './ui/dom';
import { Avatars } from './ui/avatar';
import { buildHub, keepConnected } from './ui/live';

const session = takeSession();
if (!session) {
  $('signin').hidden = false;
} else {
  void start();
}

async function start(): Promise<void> {
  const s = session!;
  const api = new Api(s);
  // The server decides: an agent's token gets 403 here, whatever the page would show.
  try {
    await api.get('/team/me');
  } catch (e) {
    $(e instanceof ApiError && e.status === 401 ? 'signin' : 'denied').hidden = false;
    return;
  }
  $('app').hidden = false;
  $('who').textContent = s.name ?? `Team lead ${s.subject}`;

  const drill = new DrillDown(api, () => stats.range);
  const avatars = new Avatars(api);
  await avatars.load();
  const stats = new StatsView(api, agent => void drill.show(agent), avatars);
  const review = new ReviewView(api);
  const kpis = new KpiView(api);
  const rules = new RulesView(api, s.role === 'admin');
  await Promise.all([stats.refresh(), review.refresh(), kpis.refresh(), rules.refresh()]);

  const hub = buildHub(s);
  const refresh = debounce(async () => { await Promise.all([stats.refresh(), review.refresh()]); }, 500);
  hub.on('leaderboardChanged', () => refresh());
  await keepConnected(hub, async () => { await avatars.load(); refresh(); });
}
