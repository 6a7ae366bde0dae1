using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Scoring;

namespace HelpdeskGamify.Connector.Leaderboards;

/// <summary>Builds a board page: ranks from the in-memory index, names from the participants table.</summary>
public sealed class LeaderboardReader(LeaderboardIndex index, ParticipantStore participants, TimeProvider clock)
{
    /// <summary>The boards the API knows.</summary>
    public static readonly IReadOnlyList<string> Boards = ["agents", "customers", "teams"];

    /// <summary>The top <paramref name="limit"/> of a board and, when <paramref name="meKey"/> is on it, that member's own entry.</summary>
    public async Task<LeaderboardPage> ReadAsync(string tenantId, string board, string period, int limit, string? meKey, CancellationToken ct = default)
    {
        var key = new BoardKey(tenantId, board, LeaderboardPeriods.KeyOf(period, clock.GetUtcNow()));
        var (top, me) = await index.ReadAsync(key, set =>
        {
            var page = set.Range(0, limit);
            RankedEntry? mine = null;
            if (meKey is not null)
            {
                var around = set.Around(meKey, 0);
                mine = around.Count == 1 ? around[0] : null;
            }
            return (page, mine);
        }, ct);

        var names = await NamesAsync(tenantId, board, top.Select(e => e.Key).Concat(me is { } m ? [m.Key] : []).ToList(), ct);
        var entries = top.Select(e => ToEntry(e, names, meKey)).ToList();
        return new LeaderboardPage(board, period, entries, me is { } mine ? ToEntry(mine, names, meKey) : null);
    }

    /// <summary>How an agent who opted out appears to everyone but themselves: no name, no id.</summary>
    public const string HiddenAgentName = "Anonymous agent";

    private async Task<IReadOnlyDictionary<string, (string Name, bool Hidden)>> NamesAsync(string tenantId, string board, IReadOnlyList<string> keys, CancellationToken ct)
    {
        if (board == "teams")
        {
            return keys.Distinct(StringComparer.Ordinal).ToDictionary(k => k, k => (k, false), StringComparer.Ordinal);
        }
        var kind = board == "agents" ? ParticipantKinds.Agent : ParticipantKinds.Customer;
        var found = await participants.FindManyAsync(tenantId, kind, keys.Distinct(StringComparer.Ordinal).ToList(), ct);
        return keys.Distinct(StringComparer.Ordinal).ToDictionary(k => k, k =>
        {
            var p = found.GetValueOrDefault(k);
            return kind == ParticipantKinds.Customer
                ? (DisplayNames.Pseudonym(p?.DisplayName, k), false)
                : (p?.DisplayName ?? "Agent " + k, p?.OptedOut == true);
        }, StringComparer.Ordinal);
    }

    private static LeaderboardEntry ToEntry(RankedEntry e, IReadOnlyDictionary<string, (string Name, bool Hidden)> names, string? meKey)
    {
        var (name, hidden) = names.TryGetValue(e.Key, out var n) ? n : (e.Key, false);
        // Opted-out agents keep their rank (the board's order stays true) but not their identity.
        return hidden && e.Key != meKey
            ? new(e.Rank + 1, "", HiddenAgentName, e.Score)
            : new(e.Rank + 1, e.Key, name, e.Score);
    }
}

/// <summary>A board page as the API returns it.</summary>
public sealed record LeaderboardPage(string Board, string Period, IReadOnlyList<LeaderboardEntry> Entries, LeaderboardEntry? Me);

/// <summary>One ranked member (rank is 1-based).</summary>
public sealed record LeaderboardEntry(int Rank, string ParticipantId, string DisplayName, long Points);
