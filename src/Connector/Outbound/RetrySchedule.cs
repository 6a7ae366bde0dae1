namespace HelpdeskGamify.Connector.Outbound;

/// <summary>Exponential backoff with jitter: base × 2^(attempt−1), capped, ±20 %, so that many failing deliveries do not retry in lockstep.</summary>
public static class RetrySchedule
{
    /// <summary>The wait after the <paramref name="attempt"/>-th failed attempt (1-based); <paramref name="random"/> is in [0, 1).</summary>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var raw = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(raw * (0.8 + (0.4 * random)));
    }
}
