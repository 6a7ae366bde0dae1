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
    string HeadersJson);

/// <summary>What happened to one item: stored as a new row, or recognised as already there.</summary>
public readonly record struct InboxWriteResult(bool Duplicate, long? InboxId);
