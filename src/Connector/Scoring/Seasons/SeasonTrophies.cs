using System.Data.Common;
using Dapper;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring.Tickets;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Scoring.Seasons;

/// <summary>
/// When a season (calendar quarter) has ended, gives its four trophies — overall, quality, speed and
/// first-contact, as Arcade did monthly — to the best agent of each, once. A trophy is also kept as a
/// badge (<c>trophy:{kind}</c>, tier = season) so it shows with the winner's badges. Quests that
/// recur per season rotate by themselves, because their instance key is the season.
/// </summary>
public sealed class SeasonTrophies(Database database)
{
    /// <summary>The trophies, in the order they are shown.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["overall", "quality", "speed", "first-contact"];

    private const string CountAwarded = "SELECT COUNT(*) FROM season_trophies WHERE tenant_id = @TenantId AND season_key = @SeasonKey";

    private const string SelectCategoryTotals = """
        SELECT p.id AS Id, p.external_id AS ExternalId, SUM(l.points) AS Points
        FROM ledger l JOIN participants p ON p.id = l.participant_id
        WHERE l.tenant_id = @TenantId AND p.kind = 'agent' AND l.occurred_at_ms >= @FromMs AND l.occurred_at_ms < @ToMs
          AND l.entry_kind NOT IN ('redemption', 'expiry') AND (@Category IS NULL OR l.category = @Category) AND (@RuleId IS NULL OR l.rule_id = @RuleId)
        GROUP BY p.id, p.external_id
        """;

    private const string InsertTrophy = """
        INSERT INTO season_trophies (tenant_id, season_key, trophy, participant_external_id, points, awarded_at_ms)
        SELECT @TenantId, @SeasonKey, @Trophy, @ExternalId, @Points, @NowMs
        WHERE NOT EXISTS (SELECT 1 FROM season_trophies WHERE tenant_id = @TenantId AND season_key = @SeasonKey AND trophy = @Trophy)
        """;

    /// <summary>Whether the season before <paramref name="now"/> still needs its trophies decided for a tenant (a cheap read, no lock).</summary>
    public static async Task<bool> DueAsync(DbConnection connection, string tenantId, DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountAwarded,
            new { TenantId = tenantId, SeasonKey = LeaderboardPeriods.KeyOf("season", PreviousSeason(now).From) }, cancellationToken: ct)) == 0;

    /// <summary>Awards the trophies of the season before <paramref name="now"/> for a tenant, unless already awarded.</summary>
    public async Task AwardAsync(DbConnection connection, DbTransaction tx, string tenantId, DateTimeOffset now, ScoringBatch batch, CancellationToken ct)
    {
        var (from, to) = PreviousSeason(now);
        var seasonKey = LeaderboardPeriods.KeyOf("season", from);
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountAwarded, new { TenantId = tenantId, SeasonKey = seasonKey }, tx, cancellationToken: ct)) > 0)
        {
            return;
        }
        var winners = new List<SeasonTrophyWinner>();
        foreach (var trophy in Kinds)
        {
            var (category, rule) = trophy switch
            {
                "quality" => ("quality", null),
                "speed" => ("speed", null),
                "first-contact" => (null, "agent.first-contact"),
                _ => ((string?)null, (string?)null),
            };
            var rows = await connection.QueryAsync<(long Id, string ExternalId, long Points)>(new CommandDefinition(SelectCategoryTotals, new
            {
                TenantId = tenantId, FromMs = from.ToUnixTimeMilliseconds(), ToMs = to.ToUnixTimeMilliseconds(), Category = category, RuleId = rule,
            }, tx, cancellationToken: ct));
            // Ties go to the lower id, so every node picks the same winner.
            var winner = rows.Where(r => r.Points > 0).OrderByDescending(r => r.Points).ThenBy(r => r.ExternalId, StringComparer.Ordinal).FirstOrDefault();
            if (winner.ExternalId is null)
            {
                continue;
            }
            var nowMs = now.ToUnixTimeMilliseconds();
            winners.Add(new SeasonTrophyWinner(trophy, winner.ExternalId, winner.Points));
            await connection.ExecuteAsync(new CommandDefinition(InsertTrophy, new
            {
                TenantId = tenantId, SeasonKey = seasonKey, Trophy = trophy, winner.ExternalId, winner.Points, NowMs = nowMs,
            }, tx, cancellationToken: ct));
            if (await connection.ExecuteAsync(new CommandDefinition(database.Dialect.InsertBadgeIfAbsent, new
                {
                    TenantId = tenantId, ParticipantId = winner.Id, BadgeId = "trophy:" + trophy, Tier = seasonKey, NowMs = nowMs,
                }, tx, cancellationToken: ct)) == 1)
            {
                batch.Badges.Add(new BadgeEarned(tenantId, ParticipantKinds.Agent, winner.ExternalId, "trophy:" + trophy, TrophyName(trophy),
                    $"Best {trophy} score of season {seasonKey[2..]}", seasonKey));
            }
        }
        batch.SeasonsEnded.Add(new SeasonEnded(tenantId, seasonKey[2..], winners));
        // Marks the season as done even when nobody scored, so the full-season read happens once per tenant.
        await connection.ExecuteAsync(new CommandDefinition(InsertTrophy, new
        {
            TenantId = tenantId, SeasonKey = seasonKey, Trophy = Checked, ExternalId = "", Points = 0L, NowMs = now.ToUnixTimeMilliseconds(),
        }, tx, cancellationToken: ct));
    }

    /// <summary>The marker row of a season whose trophies were decided.</summary>
    public const string Checked = "(checked)";

    /// <summary>The shown name of a trophy.</summary>
    public static string TrophyName(string trophy) => "Season trophy: " + trophy switch
    {
        "overall" => "Overall",
        "quality" => "Quality",
        "speed" => "Speed",
        _ => "First contact",
    };

    /// <summary>Start and end of the season that ended last before <paramref name="now"/>.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) PreviousSeason(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        var current = new DateTimeOffset(utc.Year, (((utc.Month - 1) / 3) * 3) + 1, 1, 0, 0, 0, TimeSpan.Zero);
        return (current.AddMonths(-3), current);
    }
}
