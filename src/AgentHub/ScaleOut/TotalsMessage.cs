using System.Text.Json;
using HelpdeskGamify.Connector.Leaderboards;

namespace HelpdeskGamify.AgentHub.ScaleOut;

/// <summary>The wire form of committed totals on the Redis channel: who sent it and the absolute totals.</summary>
public sealed record TotalsMessage(string Origin, IReadOnlyList<TotalsMessage.Total> Totals)
{
    /// <summary>The channel name (under the prefix).</summary>
    public const string ChannelName = "leaderboard-totals";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One member's total: tenant, board, period key, member, points.</summary>
    public sealed record Total(string T, string B, string P, string M, long V);

    /// <summary>Builds the message for a committed batch.</summary>
    public static TotalsMessage From(string origin, IReadOnlyList<TotalChange> changes) =>
        new(origin, changes.Select(c => new Total(c.Board.TenantId, c.Board.Board, c.Board.PeriodKey, c.MemberKey, c.Points)).ToList());

    /// <summary>The totals as the index applies them.</summary>
    public IEnumerable<TotalChange> Changes() => Totals.Select(t => new TotalChange(new BoardKey(t.T, t.B, t.P), t.M, t.V));

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
