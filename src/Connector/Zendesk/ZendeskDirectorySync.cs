using System.Globalization;
using HelpdeskGamify.Connector.HelpdeskApi;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Tenants;

namespace HelpdeskGamify.Connector.Zendesk;

/// <summary>
/// Copies Zendesk agents and admins into participants with their names, photos and team (their
/// default group, else their first group), so boards show people instead of user ids.
/// </summary>
public sealed class ZendeskDirectorySync(ZendeskApi api, DirectoryStore store)
{
    /// <summary>Syncs the tenant's agents.</summary>
    public async Task<DirectorySyncResult> RunAsync(Tenant tenant, CancellationToken ct)
    {
        var client = api.For(tenant);
        var groups = new Dictionary<long, string>();
        await foreach (var g in client.GroupsAsync(ct))
        {
            groups[g.Id] = g.Name ?? g.Id.ToString(CultureInfo.InvariantCulture);
        }
        var teamOf = new Dictionary<long, long>();
        await foreach (var m in client.GroupMembershipsAsync(ct))
        {
            if (m.Default || !teamOf.ContainsKey(m.UserId))
            {
                teamOf[m.UserId] = m.GroupId;
            }
        }
        var entries = new List<DirectoryEntry>();
        await foreach (var user in client.AgentsAsync(ct))
        {
            if (!user.Active)
            {
                continue;
            }
            var groupId = teamOf.TryGetValue(user.Id, out var member) ? member : user.DefaultGroupId;
            var team = groupId is { } id && groups.TryGetValue(id, out var name) ? name : null;
            entries.Add(new DirectoryEntry(user.Id.ToString(CultureInfo.InvariantCulture), user.Name, team, user.Photo?.ContentUrl));
        }
        await store.UpsertAsync(tenant.Id, ParticipantKinds.Agent, entries, ct);
        return new DirectorySyncResult(entries.Count, groups.Count);
    }
}
