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
    /// For facts known by their place in a sequence (<see cref="Events.SequenceKey"/>): the natural-key
    /// prefix of their subject. The item is a duplicate when the latest key under it, from the
    /// <see cref="SequenceWindow"/> before the item's own time, has the same fingerprint.
    /// </summary>
    public string? SequenceScope { get; init; }

    /// <summary>How far back <see cref="SequenceScope"/> is searched.</summary>
    public TimeSpan SequenceWindow { get; init; }
}

/// <summary>What happened to one item: stored as a new row, or recognised as already there.</summary>
public readonly record struct InboxWriteResult(bool Duplicate, long? InboxId);
