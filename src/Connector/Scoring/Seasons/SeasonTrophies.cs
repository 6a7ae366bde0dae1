using System.Data.Common;
using Dapper;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring.Tickets;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Scoring.Seasons;

/// <summary>
/// When a season (calendar quarter) has ended, gives its four trophies — overall, quality, speed and
/// first-contact, as Arcade did monthly — to the best agent of each, from the ledger entries whose
/// facts happened in the season. Facts of the season that arrive (or settle) later, up to
/// <see cref="Grace"/> after its end, re-decide it: a trophy whose winner changed moves, with its
/// badge (<c>trophy:{kind}</c>, tier = season). After the grace period the season is final. Quests that
/// recur per season rotate by themselves, because their instance key is the season.
/// </summary>
public sealed class SeasonTrophies(Database database)
{
    /// <summary>The trophies, in the order they are shown.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["overall", "quality", "speed", "first-contact"];

    /// <summary>How long after its end a season's trophies still follow late facts of the season.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromDays(14);

    // The marker row's points count the late changes since the last decision (0: decided on everything known).
    private const string SelectMarker = "SELECT points FROM season_trophies WHERE tenant_id = @TenantId AND season_key = @SeasonKey AND trophy = '(checked)'";

    private const string MarkChanged = "UPDATE season_trophies SET points = points + 1 WHERE tenant_id = @TenantId AND season_key = @SeasonKey AND trophy = '(checked)'";

    private const string SelectDecided = "SELECT trophy AS Trophy, participant_external_id AS ExternalId, points AS Points FROM season_trophies WHERE tenant_id = @TenantId AND season_key = @SeasonKey";

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

    private const string UpdateTrophy = """
        UPDATE season_trophies SET participant_external_id = @ExternalId, points = @Points, awarded_at_ms = @NowMs
        WHERE tenant_id = @TenantId AND season_key = @SeasonKey AND trophy = @Trophy
        """;

    private const string DeleteTrophy = "DELETE FROM season_trophies WHERE tenant_id = @TenantId AND season_key = @SeasonKey AND trophy = @Trophy";

    private const string DeleteTrophyBadge = """
        DELETE FROM participant_badges
        WHERE tenant_id = @TenantId AND badge_id = @BadgeId AND tier = @Tier
          AND participant_id IN (SELECT id FROM participants WHERE tenant_id = @TenantId AND kind = 'agent' AND external_id = @ExternalId)
        """;

    /// <summary>Whether the season before <paramref name="now"/> needs deciding (or re-deciding) for a tenant (a cheap read, no lock).</summary>
    public static async Task<bool> DueAsync(DbConnection connection, string tenantId, DateTimeOffset now, CancellationToken ct)
    {
        var (from, to) = PreviousSeason(now);
        var changes = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(SelectMarker,
            new { TenantId = tenantId, SeasonKey = LeaderboardPeriods.KeyOf("season", from) }, cancellationToken: ct));
        return changes is null || (changes > 0 && now < to + Grace);
    }

    /// <summary>
    /// Called by the ledger writer for an agent's points whose fact happened before the current season: if that season is
    /// decided, it is marked for re-deciding (the maintenance pass does it while the grace period lasts).
    /// </summary>
    public static async Task NoteLateAsync(DbConnection connection, DbTransaction tx, string tenantId, long occurredAtMs, long nowMs, CancellationToken ct)
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(nowMs);
        var (from, to) = PreviousSeason(now);
        if (occurredAtMs >= to.ToUnixTimeMilliseconds() || occurredAtMs < from.ToUnixTimeMilliseconds() || now >= to + Grace)
        {
            return;
        }
        await connection.ExecuteAsync(new CommandDefinition(MarkChanged, new { TenantId = tenantId, SeasonKey = LeaderboardPeriods.KeyOf("season", from) },
            tx, cancellationToken: ct));
    }

    /// <summary>Decides the trophies of the season before <paramref name="now"/> for a tenant, or re-decides them after late facts.</summary>
    public async Task AwardAsync(DbConnection connection, DbTransaction tx, string tenantId, DateTimeOffset now, ScoringBatch batch, CancellationToken ct)
    {
        var (from, to) = PreviousSeason(now);
        var seasonKey = LeaderboardPeriods.KeyOf("season", from);
        var season = new { TenantId = tenantId, SeasonKey = seasonKey };
        var decided = (await connection.QueryAsync<(string Trophy, string ExternalId, long Points)>(new CommandDefinition(SelectDecided, season, tx, cancellationToken: ct)))
            .ToDictionary(r => r.Trophy, StringComparer.Ordinal);
        if (decided.TryGetValue(Checked, out var marker) && (marker.Points == 0 || now >= to + Grace))
        {
            return;
        }
        var nowMs = now.ToUnixTimeMilliseconds();
        var winners = new List<SeasonTrophyWinner>();
        var moved = false;
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
            var had = decided.TryGetValue(trophy, out var previous) ? previous.ExternalId : null;
            var args = new { TenantId = tenantId, SeasonKey = seasonKey, Trophy = trophy, winner.ExternalId, winner.Points, NowMs = nowMs };
            if (had is not null && had != winner.ExternalId)
            {
                moved = true;
                await connection.ExecuteAsync(new CommandDefinition(DeleteTrophyBadge, new { TenantId = tenantId, BadgeId = "trophy:" + trophy, Tier = seasonKey, ExternalId = had },
                    tx, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(DeleteTrophy, new { TenantId = tenantId, SeasonKey = seasonKey, Trophy = trophy }, tx, cancellationToken: ct));
            }
            if (winner.ExternalId is null)
            {
                continue;
            }
            winners.Add(new SeasonTrophyWinner(trophy, winner.ExternalId, winner.Points));
            if (had == winner.ExternalId)
            {
                await connection.ExecuteAsync(new CommandDefinition(UpdateTrophy, args, tx, cancellationToken: ct));
                continue;
            }
            moved |= had is null && marker.Trophy is not null;
            await connection.ExecuteAsync(new CommandDefinition(InsertTrophy, args, tx, cancellationToken: ct));
            if (await connection.ExecuteAsync(new CommandDefinition(database.Dialect.InsertBadgeIfAbsent, new
                {
                    TenantId = tenantId, ParticipantId = winner.Id, BadgeId = "trophy:" + trophy, Tier = seasonKey, NowMs = nowMs,
                }, tx, cancellationToken: ct)) == 1)
            {
                batch.Badges.Add(new BadgeEarned(tenantId, ParticipantKinds.Agent, winner.ExternalId, "trophy:" + trophy, TrophyName(trophy),
                    $"Best {trophy} score of season {seasonKey[2..]}", seasonKey));
            }
        }
        // Announced when first decided, and again only when a late fact changed a winner.
        if (marker.Trophy is null || moved)
        {
            batch.SeasonsEnded.Add(new SeasonEnded(tenantId, seasonKey[2..], winners));
        }
        // The marker says the season is decided on everything known now, even when nobody scored, so the full-season read happens again only after a late fact.
        var mark = new { TenantId = tenantId, SeasonKey = seasonKey, Trophy = Checked, ExternalId = "", Points = 0L, NowMs = nowMs };
        if (marker.Trophy is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertTrophy, mark, tx, cancellationToken: ct));
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition(UpdateTrophy, mark, tx, cancellationToken: ct));
        }
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
