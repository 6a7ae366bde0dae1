namespace HelpdeskGamify.Connector.Leaderboards;

/// <summary>
/// Carries committed absolute totals to the other nodes' <see cref="LeaderboardIndex"/>. A single
/// node needs none (<see cref="NoTotalsFanout"/>); scaled out, the host supplies one over Redis.
/// Absolute totals (not deltas) make a message safe to apply twice.
/// </summary>
public interface ITotalsFanout
{
    /// <summary>Sends totals this node committed; must not block or throw (a missed message is healed by a reload).</summary>
    void Publish(IReadOnlyList<TotalChange> changes);
}

/// <summary>The single-node fan-out: nobody else to tell.</summary>
public sealed class NoTotalsFanout : ITotalsFanout
{
    /// <inheritdoc />
    public void Publish(IReadOnlyList<TotalChange> changes)
    {
    }
}
