using HelpdeskGamify.Connector.HelpdeskApi;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Tenants;

namespace HelpdeskGamify.Connector.Freshdesk;

/// <summary>
/// Copies Freshdesk agents into participants with their names, avatars and team (their first
/// group), keyed by lower-cased e-mail like the automation webhooks, so boards show people.
/// </summary>
public sealed class FreshdeskDirectorySync(FreshdeskApi api, DirectoryStore store)
{
    /// <summary>Syncs the tenant's agents.</summary>
    public async Task<DirectorySyncResult> RunAsync(Tenant tenant, CancellationToken ct)
    {
        var client = api.For(tenant);
        var teamOf = new Dictionary<long, string>();
        var groups = 0;
        await foreach (var group in client.GroupsAsync(ct))
        {
            groups++;
            foreach (var agentId in group.AgentIds)
            {
                teamOf.TryAdd(agentId, group.Name ?? "");
            }
        }
        var entries = new List<DirectoryEntry>();
        await foreach (var agent in client.AgentsAsync(ct))
        {
            if (agent.Contact is { Active: false })
            {
                continue;
            }
            var team = teamOf.GetValueOrDefault(agent.Id);
            entries.Add(new DirectoryEntry(FreshdeskPeople.IdOf(agent.Contact, agent.Id), agent.Contact?.Name,
                string.IsNullOrEmpty(team) ? null : team, agent.Contact?.Avatar?.AvatarUrl));
        }
        await store.UpsertAsync(tenant.Id, ParticipantKinds.Agent, entries, ct);
        return new DirectorySyncResult(entries.Count, groups);
    }
}
