using Dapper;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace HelpdeskGamify.Connector.Tests.Ingest;

/// <summary>The sequence check (Freshdesk retries, chat sessions) runs once per such fact: it must be portable and read one index range.</summary>
public sealed class SequenceScopeQueryTests
{
    [Theory]
    [InlineData(SequenceCheck.SelectLatestInScope)]
    [InlineData(SequenceCheck.SelectEarliestInScope)]
    public void The_queries_are_valid_t_sql(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Sqlite_answers_it_from_the_natural_key_index_and_finds_the_latest_key_of_the_subject()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        foreach (var batch in MigrationRunner.Scripts(StorageProvider.Sqlite).SelectMany(m => m.Batches))
        {
            await connection.ExecuteAsync(batch);
        }
        const string insert = """
            INSERT INTO inbox (tenant_id, source, delivery_id, natural_key, kind, occurred_at_ms, received_at_ms, event_json, raw_body, headers_json)
            VALUES (@Tenant, 'freshdesk', @Key, @Key, 'k', 0, 0, '{}', x'00', '{}')
            """;
        foreach (var (tenant, key) in new[]
        {
            ("acme", "freshdesk|t:24|20261120100000000|TicketSolved|aa"),
            ("acme", "freshdesk|t:24|20261120100500000|TicketReopened|bb"),
            ("acme", "freshdesk|t:245|20261120101000000|TicketSolved|cc"),
            ("globex", "freshdesk|t:24|20261120101500000|TicketSolved|dd"),
            ("acme", "freshdesk|t:24|20261120070000000|TicketSolved|ee"),
        })
        {
            await connection.ExecuteAsync(insert, new { Tenant = tenant, Key = key });
        }
        var args = new { TenantId = "acme", From = "freshdesk|t:24|20261120080000000", To = "freshdesk|t:24|99999999999999999|~" };

        var latest = await connection.ExecuteScalarAsync<string>(SequenceCheck.SelectLatestInScope, args);
        var plan = string.Join('\n', (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN " + SequenceCheck.SelectLatestInScope, args)).Select(r => r.Detail));

        Assert.Equal("freshdesk|t:24|20261120100500000|TicketReopened|bb", latest);
        Assert.Contains("USING COVERING INDEX ux_inbox_natural_key", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN", plan, StringComparison.Ordinal);
    }
}
