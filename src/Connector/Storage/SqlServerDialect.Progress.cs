namespace HelpdeskGamify.Connector.Storage;

/// <summary>The SQL Server statements for daily-cap claims and activity counters (MERGE under HOLDLOCK, as the other upserts).</summary>
public sealed partial class SqlServerDialect
{
    /// <inheritdoc />
    public string AddActivityUnit => """
        MERGE activity_units WITH (HOLDLOCK) AS target
        USING (SELECT @TenantId AS tenant_id, @ParticipantId AS participant_id, @RuleId AS rule_id, @AwardKey AS award_key, @OccurredAtMs AS occurred_at_ms) AS source
            ON target.tenant_id = source.tenant_id AND target.participant_id = source.participant_id
               AND target.rule_id = source.rule_id AND target.award_key = source.award_key AND target.occurred_at_ms = source.occurred_at_ms
        WHEN MATCHED THEN UPDATE SET points = target.points + @Points, pending = target.pending + @PendingPoints, team = COALESCE(target.team, @Team)
        WHEN NOT MATCHED THEN
            INSERT (tenant_id, participant_id, rule_id, award_key, category, occurred_at_ms, points, pending, team, team_as_of)
            VALUES (@TenantId, @ParticipantId, @RuleId, @AwardKey, @Category, @OccurredAtMs, @Points, @PendingPoints, @Team, @TeamAsOf)
        OUTPUT inserted.points;
        """;

    /// <inheritdoc />
    public string AddActivityTotal => """
        MERGE activity_totals WITH (HOLDLOCK) AS target
        USING (SELECT @TenantId AS tenant_id, @ParticipantId AS participant_id, @RuleId AS rule_id, @Category AS category) AS source
            ON target.tenant_id = source.tenant_id AND target.participant_id = source.participant_id
               AND target.rule_id = source.rule_id AND target.category = source.category
        WHEN MATCHED THEN UPDATE SET awards = target.awards + @Awards, points = target.points + @Points
        WHEN NOT MATCHED THEN
            INSERT (tenant_id, participant_id, rule_id, category, awards, points)
            VALUES (@TenantId, @ParticipantId, @RuleId, @Category, @Awards, @Points);
        """;

    /// <inheritdoc />
    public string UpsertCapClaim => """
        MERGE cap_claims WITH (HOLDLOCK) AS target
        USING (SELECT @TenantId AS tenant_id, @ParticipantId AS participant_id, @RuleId AS rule_id, @AwardKey AS award_key, @OccurredAtMs AS occurred_at_ms) AS source
            ON target.tenant_id = source.tenant_id AND target.participant_id = source.participant_id
               AND target.rule_id = source.rule_id AND target.award_key = source.award_key AND target.occurred_at_ms = source.occurred_at_ms
        WHEN MATCHED THEN UPDATE SET balance = @Balance, pending = @Pending, reason = @Reason, ticket_id = COALESCE(target.ticket_id, @TicketId),
            team = COALESCE(target.team, @Team)
        WHEN NOT MATCHED THEN
            INSERT (tenant_id, participant_id, rule_id, award_key, day_key, ticket_id, category, reason, occurred_at_ms, balance, pending, team)
            VALUES (@TenantId, @ParticipantId, @RuleId, @AwardKey, @DayKey, @TicketId, @Category, @Reason, @OccurredAtMs, @Balance, @Pending, @Team);
        """;
}
