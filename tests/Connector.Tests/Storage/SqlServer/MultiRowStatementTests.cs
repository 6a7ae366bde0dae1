using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Tests.Storage.SqlServer;

/// <summary>
/// Statements repeated for many rows (<see cref="MultiRowSql"/>): at their largest they must stay within SQL Server's
/// 2,100 parameters and take the same parameters on both providers; the catalogue parses them (TSqlStatementTests).
/// </summary>
public sealed class MultiRowStatementTests
{
    public static TheoryData<string, string> Statements() => new()
    {
        { nameof(ISqlDialect.AddToLeaderboardTotals), MultiRowSql.BoardTotalsRow },
        { nameof(ISqlDialect.InsertOutboxEvents), MultiRowSql.OutboxEventsRow },
        { nameof(ISqlDialect.AddToBalances), MultiRowSql.BalancesRow },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void At_most_rows_a_statement_stays_within_SQL_Servers_parameter_limit_and_both_dialects_agree(string member, string row)
    {
        var property = typeof(ISqlDialect).GetProperty(member)!;
        var sqlServer = MultiRowSql.For((string)property.GetValue(new SqlServerDialect())!, row, MultiRowSql.MaxRows);
        var sqlite = MultiRowSql.For((string)property.GetValue(new SqliteDialect())!, row, MultiRowSql.MaxRows);

        var (errors, used) = TSqlStatements.Parse(sqlServer);
        Assert.Empty(errors);
        Assert.InRange(used.Count, MultiRowSql.MaxRows, 2100);
        Assert.Equal(used.Order(StringComparer.OrdinalIgnoreCase), TSqlStatements.SqliteParameters(sqlite).Order(StringComparer.OrdinalIgnoreCase));
        Assert.Contains(used, p => p.EndsWith("399", StringComparison.Ordinal));
        Assert.DoesNotContain(used, p => p.EndsWith("400", StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_are_numbered_in_order_and_the_limit_is_enforced()
    {
        var sql = MultiRowSql.For(new SqliteDialect().InsertOutboxEvents, MultiRowSql.OutboxEventsRow, 3);
        Assert.Contains("(@Seq0, @TenantId0, @EventType0, @PayloadJson0), (@Seq1, @TenantId1, @EventType1, @PayloadJson1), (@Seq2, @TenantId2, @EventType2, @PayloadJson2)", sql, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => MultiRowSql.For(new SqliteDialect().InsertOutboxEvents, MultiRowSql.OutboxEventsRow, MultiRowSql.MaxRows + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MultiRowSql.For(new SqliteDialect().InsertOutboxEvents, MultiRowSql.OutboxEventsRow, 0));
    }
}
