using Dapper;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.AgentHub.Boards;

/// <summary>
/// The agent view's two other boards: "around me" (the ranks just above and below) and "my team"
/// (teammates ranked among themselves). Both read the in-memory index; people who opted out of
/// public boards are left out, except the caller.
/// </summary>
public sealed class AgentBoardViews(LeaderboardIndex index, ParticipantStore participants, Database database, TimeProvider clock)
{
    /// <summary>The caller and <paramref name="radius"/> members either side on the agents board.</summary>
    public async Task<LeaderboardPage> AroundAsync(string tenantId, string period, string agentId, int radius, CancellationToken ct)
    {
        var key = new BoardKey(tenantId, "agents", LeaderboardPeriods.KeyOf(period, clock.GetUtcNow()));
        var around = await index.ReadAsync(key, set => set.Around(agentId, radius), ct);
        var people = await participants.FindManyAsync(tenantId, ParticipantKinds.Agent, around.Select(e => e.Key).ToList(), ct);
        var entries = around.Where(e => e.Key == agentId || !(people.TryGetValue(e.Key, out var p) && p.OptedOut))
            .Select(e => new LeaderboardEntry(e.Rank + 1, e.Key, NameOf(people, e.Key), e.Score)).ToList();
        return new LeaderboardPage("agents", period, entries, entries.FirstOrDefault(e => e.ParticipantId == agentId));
    }

    private const string SelectTeam = """
        SELECT external_id AS ExternalId, display_name AS DisplayName, opted_out AS OptedOut
        FROM participants
        WHERE tenant_id = @TenantId AND kind = 'agent' AND team = @Team
        """;

    /// <summary>The members of <paramref name="team"/> ranked by their points in the period (rank within the team).</summary>
    public async Task<LeaderboardPage> TeamAsync(string tenantId, string team, string period, string? meId, CancellationToken ct)
    {
        List<TeamMember> members;
        await using (var connection = await database.OpenAsync(ct))
        {
            members = (await connection.QueryAsync<TeamMember>(new CommandDefinition(SelectTeam, new { TenantId = tenantId, Team = team }, cancellationToken: ct))).AsList();
        }
        var key = new BoardKey(tenantId, "agents", LeaderboardPeriods.KeyOf(period, clock.GetUtcNow()));
        var scored = await index.ReadAsync(key, set => members
            .Where(m => m.ExternalId == meId || !m.OptedOut)
            .Select(m => (Member: m, Points: set.TryGetScore(m.ExternalId, out var s) ? s : 0L)).ToList(), ct);
        var entries = scored.OrderByDescending(s => s.Points).ThenBy(s => s.Member.ExternalId, StringComparer.Ordinal)
            .Select((s, i) => new LeaderboardEntry(i + 1, s.Member.ExternalId, s.Member.DisplayName ?? "Agent " + s.Member.ExternalId, s.Points)).ToList();
        return new LeaderboardPage("team:" + team, period, entries, entries.FirstOrDefault(e => e.ParticipantId == meId));
    }

    private static string NameOf(IReadOnlyDictionary<string, Participant> people, string id) =>
        people.TryGetValue(id, out var p) && p.DisplayName is not null ? p.DisplayName : "Agent " + id;

    private sealed class TeamMember
    {
        public string ExternalId { get; init; } = "";
        public string? DisplayName { get; init; }
        public bool OptedOut { get; init; }
    }
}
