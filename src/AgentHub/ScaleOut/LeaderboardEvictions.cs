using HelpdeskGamify.Connector.Leaderboards;

namespace HelpdeskGamify.AgentHub.ScaleOut;

/// <summary>
/// Drops a tenant's loaded boards on every node after a change the scorer does not report (an
/// erased customer renamed to a pseudonym): here at once, elsewhere through <see cref="IBoardEvictionFanout"/>.
/// </summary>
public sealed class LeaderboardEvictions(LeaderboardIndex index, IBoardEvictionFanout fanout)
{
    /// <summary>Evicts the board on this node and tells the others; call after the change has committed.</summary>
    public void Evict(string tenantId, string board)
    {
        index.Evict(tenantId, board);
        fanout.Publish(tenantId, board);
    }
}

/// <summary>Carries board evictions to the other nodes; must not block or throw.</summary>
public interface IBoardEvictionFanout
{
    /// <summary>Asks the other nodes to reload <paramref name="board"/> of <paramref name="tenantId"/> on its next read.</summary>
    void Publish(string tenantId, string board);
}

/// <summary>A node alone: nobody else to tell.</summary>
public sealed class NoBoardEvictionFanout : IBoardEvictionFanout
{
    /// <inheritdoc />
    public void Publish(string tenantId, string board)
    {
    }
}
