import { ApiError, type Api, type LeaderboardPage } from '../api';
import { $, el } from '../ui/dom';
import { toast } from '../ui/toasts';

/** Kudos to a teammate and the opt-out from public boards; both call the engine's routes and say so when they are absent. */
export function wireSocial(api: Api, me: string): { loadTeammates: () => Promise<void> } {
  const form = $<HTMLFormElement>('kudos-form');
  const select = $<HTMLSelectElement>('kudos-to');
  const status = $('kudos-status');
  form.addEventListener('submit', event => {
    event.preventDefault();
    const to = select.value;
    if (!to) return;
    const message = $<HTMLInputElement>('kudos-message').value.trim();
    api.post(`/agents/${encodeURIComponent(to)}/kudos`, { from: me, message })
      .then(() => { status.textContent = 'Kudos sent.'; $<HTMLInputElement>('kudos-message').value = ''; })
      .catch((e: unknown) => { status.textContent = e instanceof ApiError && (e.status === 404 || e.status === 405) ? 'Kudos are not available on this server yet.' : 'Could not send kudos.'; });
  });

  const optOut = $<HTMLInputElement>('opt-out');
  optOut.addEventListener('change', () => {
    const hidden = optOut.checked;
    api.put(`/agents/${encodeURIComponent(me)}/visibility`, { optedOut: hidden, visible: !hidden })
      .then(() => toast(hidden ? 'You are hidden from public boards.' : 'You are visible on public boards again.'))
      .catch((e: unknown) => {
        optOut.checked = !hidden;
        $('opt-out-status').textContent = e instanceof ApiError && (e.status === 404 || e.status === 405) ? 'Hiding from boards is not available on this server yet.' : 'Could not change your visibility.';
      });
  });

  return {
    loadTeammates: async () => {
      try {
        const team = await api.get<LeaderboardPage>('/leaderboards/agents/my-team?period=all');
        const mates = team.entries.filter(e => e.participantId !== me);
        select.replaceChildren(el('option', { value: '', text: mates.length ? 'Choose a teammate' : 'No teammates yet' }),
          ...mates.map(m => el('option', { value: m.participantId, text: m.displayName })));
      } catch {
        select.replaceChildren(el('option', { value: '', text: 'No team known yet' }));
      }
    },
  };
}
