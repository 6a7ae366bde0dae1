namespace HelpdeskGamify.Connector.Storage;

/// <summary>The board totals a scoring transaction writes once per member, board and period (see <see cref="BoardTotalRows"/>).</summary>
public partial interface ISqlDialect
{
    /// <summary>
    /// Adds <c>@Delta0</c> to the total of <c>@MemberKey0</c> on <c>@Board0</c> in <c>@PeriodKey0</c> of <c>@TenantId</c> (creating it if
    /// absent) and returns <c>Board</c>, <c>PeriodKey</c>, <c>MemberKey</c> and the new <c>Points</c>. Written for one row so that it is
    /// checked like every other statement; <see cref="BoardTotalRows.For"/> repeats the row for a whole batch.
    /// </summary>
    string AddToLeaderboardTotals { get; }
}
