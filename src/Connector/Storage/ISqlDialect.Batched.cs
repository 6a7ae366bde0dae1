namespace HelpdeskGamify.Connector.Storage;

/// <summary>Statements a scoring batch sends once for many rows (see <see cref="MultiRowSql"/>).</summary>
public partial interface ISqlDialect
{
    /// <summary>
    /// Adds <c>@Delta0</c> to the total of <c>@MemberKey0</c> on <c>@Board0</c> in <c>@PeriodKey0</c> of <c>@TenantId</c> (creating it if
    /// absent) and returns <c>Board</c>, <c>PeriodKey</c>, <c>MemberKey</c> and the new <c>Points</c>. Written for one row
    /// (<see cref="MultiRowSql.BoardTotalsRow"/>), which <see cref="MultiRowSql.For"/> repeats for a whole batch.
    /// </summary>
    string AddToLeaderboardTotals { get; }

    /// <summary>
    /// Appends outbox events (<c>@TenantId0</c>, <c>@EventType0</c>, <c>@PayloadJson0</c>) created at <c>@NowMs</c>, their ids
    /// increasing in the order of <c>@Seq0</c>. Written for one row (<see cref="MultiRowSql.OutboxEventsRow"/>), which
    /// <see cref="MultiRowSql.For"/> repeats for a whole batch.
    /// </summary>
    string InsertOutboxEvents { get; }

    /// <summary>
    /// Adds, for each row, <c>@Points0</c> to the balance, <c>@PendingPoints0</c> to the pending points and <c>@Earned0</c> to the
    /// lifetime earned points of <c>@ParticipantId0</c> in <c>@TenantId</c> (creating the row if absent), keeps the later of its last
    /// activity and <c>@ActivityMs0</c>, and returns <c>ParticipantId</c>, <c>Balance</c> and <c>Pending</c> after it. A row of another
    /// tenant is left alone and not returned. Written for one row (<see cref="MultiRowSql.BalancesRow"/>), each participant at most once.
    /// </summary>
    string AddToBalances { get; }
}
