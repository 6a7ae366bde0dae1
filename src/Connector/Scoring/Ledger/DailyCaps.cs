using System.Data.Common;
using Dapper;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring.Tickets;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Scoring.Ledger;

/// <summary>
/// Daily caps that do not depend on arrival order. Each holding of a capped rule keeps a claim: what it
/// would get without the cap. Whenever a claim changes, the person's cap for that rule and day is shared
/// out again over all the day's claims by when they happened (then by award key), and every holding of
/// the day gets the difference between its share and what it holds. So a clawback frees room for the
/// day's later activity, and a late fact of the morning takes room from the afternoon.
/// </summary>
public static class DailyCaps
{
    private const string SelectClaim = """
        SELECT balance AS Balance, pending AS Pending, day_key AS DayKey FROM cap_claims
        WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND rule_id = @RuleId AND award_key = @AwardKey AND occurred_at_ms = @OccurredAtMs
        """;

    private const string SelectUnit = """
        SELECT points AS Points, pending AS Pending FROM activity_units
        WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND rule_id = @RuleId AND award_key = @AwardKey AND occurred_at_ms = @OccurredAtMs
        """;

    private const string SelectDay = """
        SELECT c.award_key AS AwardKey, c.ticket_id AS TicketId, c.category AS Category, c.reason AS Reason, c.occurred_at_ms AS OccurredAtMs,
               c.balance AS Balance, c.pending AS Pending, COALESCE(u.points, 0) AS HeldBalance, COALESCE(u.pending, 0) AS HeldPending,
               u.team AS HeldTeam, c.team AS ClaimedTeam
        FROM cap_claims c LEFT JOIN activity_units u ON u.tenant_id = c.tenant_id AND u.participant_id = c.participant_id
            AND u.rule_id = c.rule_id AND u.award_key = c.award_key AND u.occurred_at_ms = c.occurred_at_ms
        WHERE c.tenant_id = @TenantId AND c.participant_id = @ParticipantId AND c.rule_id = @RuleId AND c.day_key = @DayKey
        """;

    /// <summary>
    /// Applies <paramref name="d"/> to its claim and re-shares the day; <paramref name="append"/> writes each resulting entry
    /// (the source event goes only to the entry of <paramref name="d"/>'s own holding). True when anything was written.
    /// </summary>
    public static async Task<bool> WriteAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, string tenantId, long participantId,
        LedgerDelta d, int? cap, long? sourceInboxId, Func<LedgerDelta, long?, Task<bool>> append, CancellationToken ct)
    {
        var key = new { TenantId = tenantId, ParticipantId = participantId, d.RuleId, d.AwardKey, d.OccurredAtMs };
        var claim = await connection.QuerySingleOrDefaultAsync<(long Balance, long Pending, string DayKey)?>(new CommandDefinition(SelectClaim, key, tx, cancellationToken: ct));
        // A holding scored before claims existed starts from what the ledger already gives it.
        var (balance, pending) = claim is { } c ? (c.Balance, c.Pending)
            : await connection.QuerySingleOrDefaultAsync<(long Points, long Pending)?>(new CommandDefinition(SelectUnit, key, tx, cancellationToken: ct)) ?? (0, 0);
        var dayKey = claim?.DayKey ?? LeaderboardPeriods.KeyOf("day", DateTimeOffset.FromUnixTimeMilliseconds(d.OccurredAtMs));
        await connection.ExecuteAsync(new CommandDefinition(dialect.UpsertCapClaim, new
        {
            TenantId = tenantId, ParticipantId = participantId, d.RuleId, d.AwardKey, DayKey = dayKey, d.TicketId, d.Category, d.Reason, d.OccurredAtMs, d.Team,
            Balance = balance + d.Points, Pending = pending + d.PendingPoints,
        }, tx, cancellationToken: ct));
        var day = (await connection.QueryAsync<DayClaim>(new CommandDefinition(SelectDay,
            new { TenantId = tenantId, ParticipantId = participantId, d.RuleId, DayKey = dayKey }, tx, cancellationToken: ct))).AsList();
        var written = false;
        foreach (var (claimed, share) in Share(day, cap))
        {
            var points = share.Balance - claimed.HeldBalance;
            var held = share.Pending - claimed.HeldPending;
            if (points == 0 && held == 0)
            {
                continue;
            }
            var own = claimed.AwardKey == d.AwardKey && claimed.OccurredAtMs == d.OccurredAtMs;
            var reason = own ? d.Reason : claimed.Reason;
            reason = share.Balance + share.Pending < claimed.Balance + claimed.Pending ? $"{reason} (daily cap of {cap})"
                : own ? reason : $"{reason} (daily cap of {cap} shared out again)";
            // Another holding of the day keeps the team it was credited or claimed for (its fact's), not this fact's; only this
            // fact's own group moves the agent (a holding's team may have been chosen by time, which is no fact of that moment).
            var entry = new LedgerDelta(d.ParticipantKind, d.ParticipantId, d.DisplayName, own ? d.Team : null, d.RuleId, claimed.AwardKey, claimed.Category, reason,
                LedgerDiff.KindOf(points, held, penaltyRule: share.Balance < 0 || claimed.HeldBalance < 0), checked((int)points), checked((int)held),
                claimed.OccurredAtMs, claimed.TicketId ?? (own ? d.TicketId : null)) { CreditTeam = claimed.Team };
            written |= await append(entry, own ? sourceInboxId : null);
        }
        return written;
    }

    /// <summary>
    /// The day's cap shared over its claims in the order they happened: each positive claim takes what it wants while room
    /// is left (settled points before pending ones); claims of zero or less pass through untouched. No cap: every claim in full.
    /// </summary>
    public static IEnumerable<(DayClaim Claim, (long Balance, long Pending) Share)> Share(IEnumerable<DayClaim> day, int? cap)
    {
        long room = cap ?? long.MaxValue;
        foreach (var claim in day.OrderBy(c => c.OccurredAtMs).ThenBy(c => c.AwardKey, StringComparer.Ordinal))
        {
            var wanted = claim.Balance + claim.Pending;
            if (wanted <= 0)
            {
                yield return (claim, (claim.Balance, claim.Pending));
                continue;
            }
            var allowed = Math.Min(room, wanted);
            room -= allowed;
            var settled = Math.Min(Math.Max(claim.Balance, 0), allowed);
            yield return (claim, (settled, allowed - settled));
        }
    }
}

/// <summary>One claim of a person's capped rule on one day, with what its holding has in the ledger now.</summary>
public sealed record DayClaim(string AwardKey, string? TicketId, string Category, string Reason, long OccurredAtMs, long Balance, long Pending,
    long HeldBalance, long HeldPending, string? HeldTeam = null, string? ClaimedTeam = null)
{
    /// <summary>The team the holding was credited to, else the team of the fact it was claimed for.</summary>
    public string? Team => HeldTeam ?? ClaimedTeam;
}
