namespace HelpdeskGamify.Connector.Storage;

/// <summary>The SQLite statements for daily-cap claims and activity counters.</summary>
public sealed partial class SqliteDialect
{
    /// <inheritdoc />
    public string AddActivityUnit => """
        INSERT INTO activity_units (tenant_id, participant_id, rule_id, award_key, category, occurred_at_ms, points, pending, team, team_as_of)
        VALUES (@TenantId, @ParticipantId, @RuleId, @AwardKey, @Category, @OccurredAtMs, @Points, @PendingPoints, @Team, @TeamAsOf)
        ON CONFLICT (tenant_id, participant_id, rule_id, award_key, occurred_at_ms) DO UPDATE SET
            points = activity_units.points + excluded.points, pending = activity_units.pending + excluded.pending,
            team = COALESCE(activity_units.team, excluded.team)
        RETURNING points
        """;

    /// <inheritdoc />
    public string AddActivityTotal => """
        INSERT INTO activity_totals (tenant_id, participant_id, rule_id, category, awards, points)
        VALUES (@TenantId, @ParticipantId, @RuleId, @Category, @Awards, @Points)
        ON CONFLICT (tenant_id, participant_id, rule_id, category) DO UPDATE SET
            awards = activity_totals.awards + excluded.awards, points = activity_totals.points + excluded.points
        """;

    /// <inheritdoc />
    public string UpsertCapClaim => """
        INSERT INTO cap_claims (tenant_id, participant_id, rule_id, award_key, day_key, ticket_id, category, reason, occurred_at_ms, balance, pending, team)
        VALUES (@TenantId, @ParticipantId, @RuleId, @AwardKey, @DayKey, @TicketId, @Category, @Reason, @OccurredAtMs, @Balance, @Pending, @Team)
        ON CONFLICT (tenant_id, participant_id, rule_id, award_key, occurred_at_ms) DO UPDATE SET
            balance = excluded.balance, pending = excluded.pending, reason = excluded.reason, ticket_id = COALESCE(cap_claims.ticket_id, excluded.ticket_id),
            team = COALESCE(cap_claims.team, excluded.team)
        """;
}
