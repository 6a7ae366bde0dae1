using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Scoring;

namespace HelpdeskGamify.Connector.Leaderboards;

/// <summary>
/// Builds a board page: ranks from the in-memory index, names from the participants table. Agents who
/// opted out are left off public entries (ranks close up around them) but still see their own rank.
/// </summary>
public sealed class LeaderboardReader(LeaderboardIndex index, ParticipantStore participants, OptOutRegistry optOuts, TimeProvider clock)
{
    /// <summary>The boards the API knows.</summary>
    public static readonly IReadOnlyList<string> Boards = ["agents", "customers", "teams"];

    /// <summary>
    /// The internal board of one team's agents: <c>agents@</c> and a short hash of the team name, because
    /// board names are short keys (20 characters on SQL Server) while team names are free text.
    /// </summary>
    public static string TeamAgentsBoard(string team) =>
        "agents@" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(team)))[..12];

    private static bool IsAgents(string board) => board == "agents" || board.StartsWith("agents@", StringComparison.Ordinal);

    /// <summary>
    /// The top <paramref name="limit"/> of a board and, when <paramref name="meKey"/> is on it, that member's
    /// own entry and the two members either side of it.
    /// </summary>
    public Task<LeaderboardPage> ReadAsync(string tenantId, string board, string period, int limit, string? meKey, CancellationToken ct = default) =>
        ReadAsync(tenantId, board, period, limit, meKey, 2, ct);

    /// <summary>As above, with <paramref name="around"/> neighbours either side of the caller.</summary>
    public async Task<LeaderboardPage> ReadAsync(string tenantId, string board, string period, int limit, string? meKey, int around, CancellationToken ct = default)
    {
        var key = new BoardKey(tenantId, board, LeaderboardPeriods.KeyOf(period, clock.GetUtcNow()));
        var hidden = IsAgents(board) ? await optOuts.HiddenAgentsAsync(tenantId, ct) : new HashSet<string>();
        var (top, me, near) = await index.ReadAsync(key, set =>
        {
            var hiddenRanks = hidden.Select(set.RankOf).Where(r => r >= 0).Order().ToList();
            int Visible(RankedEntry e) => e.Rank - HiddenAbove(hiddenRanks, e.Rank);
            var page = set.Range(0, limit + hiddenRanks.Count).Where(e => !hidden.Contains(e.Key)).Take(limit)
                .Select(e => e with { Rank = Visible(e) }).ToList();
            RankedEntry? mine = null;
            var nearMe = new List<RankedEntry>();
            if (meKey is not null && set.RankOf(meKey) >= 0)
            {
                var myHidden = hidden.Contains(meKey);
                var window = set.Around(meKey, around + hiddenRanks.Count);
                var self = window.First(e => e.Key == meKey);
                // An opted-out agent sees the rank they would have; everyone else sees the public rank.
                mine = myHidden ? self : self with { Rank = Visible(self) };
                var before = window.Where(e => e.Rank < self.Rank && !hidden.Contains(e.Key)).TakeLast(around);
                var after = window.Where(e => e.Rank > self.Rank && !hidden.Contains(e.Key)).Take(around);
                nearMe = before.Select(e => e with { Rank = Visible(e) }).Append(mine.Value).Concat(after.Select(e => e with { Rank = Visible(e) })).ToList();
            }
            return (page, mine, nearMe);
        }, ct);

        // Names come from the participant rows read with the page, so an agent who just opted out is
        // masked at once even while the opt-out set above is still cached.
        var names = await NamesAsync(tenantId, board, top.Concat(near).Select(e => e.Key).Concat(me is { } m ? [m.Key] : []).ToList(), ct);
        var entries = top.Select(e => ToEntry(e, names, meKey)).ToList();
        return new LeaderboardPage(IsAgents(board) ? "agents" : board, period, entries, me is { } mine ? ToEntry(mine, names, meKey) : null)
        {
            AroundMe = near.Count > 0 ? near.Select(e => ToEntry(e, names, meKey)).ToList() : null,
        };
    }

    private static int HiddenAbove(List<int> hiddenRanks, int rank)
    {
        var i = hiddenRanks.BinarySearch(rank);
        return i >= 0 ? i : ~i;
    }

    /// <summary>How an agent who opted out appears to everyone but themselves: no name, no id.</summary>
    public const string HiddenAgentName = "Anonymous agent";

    private async Task<IReadOnlyDictionary<string, (string Name, bool Hidden)>> NamesAsync(string tenantId, string board, IReadOnlyList<string> keys, CancellationToken ct)
    {
        if (board == "teams")
        {
            return keys.Distinct(StringComparer.Ordinal).ToDictionary(k => k, k => (k, false), StringComparer.Ordinal);
        }
        var kind = IsAgents(board) ? ParticipantKinds.Agent : ParticipantKinds.Customer;
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

/// <summary>A board page as the API returns it; <see cref="AroundMe"/> is the caller and up to two members either side.</summary>
public sealed record LeaderboardPage(string Board, string Period, IReadOnlyList<LeaderboardEntry> Entries, LeaderboardEntry? Me)
{
    /// <summary>The caller's neighbourhood on the board, best first, or null when the caller is not on it.</summary>
    public IReadOnlyList<LeaderboardEntry>? AroundMe { get; init; }

    /// <summary>For the agents board of one team, that team; null otherwise.</summary>
    public string? Team { get; init; }
}

/// <summary>One ranked member (rank is 1-based).</summary>
public sealed record LeaderboardEntry(int Rank, string ParticipantId, string DisplayName, long Points);
