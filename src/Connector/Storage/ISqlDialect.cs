namespace HelpdeskGamify.Connector.Storage;

/// <summary>
/// The statements that differ between SQLite and SQL Server. Stores keep their portable SQL as
/// constants; anything that needs an upsert, a row limit or an insert-if-absent comes from here.
/// </summary>
public partial interface ISqlDialect
{
    /// <summary>Which provider this dialect speaks.</summary>
    StorageProvider Provider { get; }

    /// <summary>Inserts an inbox row unless its delivery id or natural key exists; returns the new id or nothing.</summary>
    string InsertInboxIfAbsent { get; }

    /// <summary>
    /// The oldest pending inbox rows of the tenants whose scoring lease <c>@Owner</c> holds at
    /// <c>@NowMs</c>, at most <c>@Limit</c>.
    /// </summary>
    string SelectPendingInbox { get; }

    /// <summary>
    /// Takes or renews, for <c>@Owner</c> until <c>@ExpiresAtMs</c>, the scoring lease of every tenant
    /// with pending inbox rows whose lease is free, expired at <c>@NowMs</c>, or already <c>@Owner</c>'s.
    /// </summary>
    string ClaimTenantLeases { get; }

    /// <summary>Inserts a participant if absent and refreshes its name; returns its id.</summary>
    string UpsertParticipant { get; }

    /// <summary>Inserts a ledger entry unless the same rule already awarded the same source event to the same person; returns the new id or nothing.</summary>
    string InsertLedgerIfAbsent { get; }

    /// <summary>Adds <c>@Delta</c> to a leaderboard total, creating it at zero first.</summary>
    string AddToLeaderboardTotal { get; }

    /// <summary>Inserts or replaces a tenant.</summary>
    string UpsertTenant { get; }

    /// <summary>A participant's ledger entries before <c>@Before</c>, newest first, at most <c>@Limit</c>.</summary>
    string SelectLedgerPage { get; }

    /// <summary>The top <c>@Limit</c> totals of one board and period, best first (the slow reference path).</summary>
    string SelectTopTotals { get; }
}
