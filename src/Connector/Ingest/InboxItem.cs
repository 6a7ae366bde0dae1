namespace HelpdeskGamify.Connector.Ingest;

/// <summary>One normalized fact on its way into the inbox, with the raw delivery it came from.</summary>
public sealed record InboxItem(
    string TenantId,
    string Source,
    string DeliveryId,
    string NaturalKey,
    string Kind,
    long OccurredAtMs,
    long ReceivedAtMs,
    string EventJson,
    byte[] RawBody,
    string HeadersJson)
{
    /// <summary>
    /// For facts known only by content (Freshdesk automations): the natural-key prefix of the same
    /// subject. The item is a duplicate when the latest key under it, received within
    /// <see cref="Events.NaturalKey.FreshdeskRetryWindow"/>, has the same fingerprint.
    /// </summary>
    public string? RetryScope { get; init; }
}

/// <summary>What happened to one item: stored as a new row, or recognised as already there.</summary>
public readonly record struct InboxWriteResult(bool Duplicate, long? InboxId);
