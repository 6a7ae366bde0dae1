using System.Text.Json;
using System.Text.Json.Serialization;
using HelpdeskGamify.Connector.Leaderboards;

namespace HelpdeskGamify.AgentHub.ScaleOut;

/// <summary>
/// The wire form of the board channel: who sent it, and committed absolute totals, boards to evict,
/// or a probe a node sends itself to learn that its subscription is live again. One channel keeps a
/// node's totals and evictions in the order it published them.
/// </summary>
public sealed record TotalsMessage(string Origin, IReadOnlyList<TotalsMessage.Total> Totals)
{
    /// <summary>The channel name (under the prefix).</summary>
    public const string ChannelName = "leaderboard-totals";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>One member's total: tenant, board, period key, member, points.</summary>
    public sealed record Total(string T, string B, string P, string M, long V);

    /// <summary>One board of a tenant to drop from memory (every period).</summary>
    public sealed record Board(string T, string B);

    /// <summary>Boards the receiver reloads on their next read.</summary>
    public IReadOnlyList<Board>? Evict { get; init; }

    /// <summary>A nonce the sender waits to hear back; receivers ignore it.</summary>
    public string? Probe { get; init; }

    /// <summary>Builds the message for a committed batch.</summary>
    public static TotalsMessage From(string origin, IReadOnlyList<TotalChange> changes) =>
        new(origin, changes.Select(c => new Total(c.Board.TenantId, c.Board.Board, c.Board.PeriodKey, c.MemberKey, c.Points)).ToList());

    /// <summary>Builds an eviction.</summary>
    public static TotalsMessage Eviction(string origin, string tenantId, string board) => new(origin, []) { Evict = [new Board(tenantId, board)] };

    /// <summary>Builds a probe.</summary>
    public static TotalsMessage ProbeOf(string origin, string nonce) => new(origin, []) { Probe = nonce };

    /// <summary>The totals as the index applies them.</summary>
    public IEnumerable<TotalChange> Changes() => (Totals ?? []).Select(t => new TotalChange(new BoardKey(t.T, t.B, t.P), t.M, t.V));

    /// <summary>Serializes to JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a message, or null when it is not one of ours.</summary>
    public static TotalsMessage? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<TotalsMessage>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
