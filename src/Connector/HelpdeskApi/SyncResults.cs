namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>What a directory sync wrote: agents (with names, teams and avatars) and the groups it knew.</summary>
public sealed record DirectorySyncResult(int Agents, int Groups);

/// <summary>What a backfill or reconcile imported since <paramref name="Since"/>.</summary>
public sealed record BackfillResult(DateTimeOffset Since, int Accepted, int Duplicates);

/// <summary>What a "priority service" write-back changed in the helpdesk.</summary>
public sealed record WriteBackResult(bool CustomerTagged, int TicketsRaised);
