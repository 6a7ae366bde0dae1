namespace HelpdeskGamify.Connector.Storage;

/// <summary>The SQL Server statements for team credit by when facts happened.</summary>
public sealed partial class SqlServerDialect
{
    /// <inheritdoc />
    public string SelectCreditedTeam => """
        SELECT CASE WHEN EXISTS (SELECT 1 FROM activity_units WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND rule_id = @RuleId
                AND award_key = @AwardKey AND occurred_at_ms = @OccurredAtMs)
            THEN (SELECT team FROM activity_units WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND rule_id = @RuleId
                AND award_key = @AwardKey AND occurred_at_ms = @OccurredAtMs)
            ELSE COALESCE(
                (SELECT TOP (1) team FROM agent_team_facts WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND occurred_at_ms <= @OccurredAtMs
                    ORDER BY occurred_at_ms DESC),
                (SELECT TOP (1) team FROM agent_team_facts WHERE tenant_id = @TenantId AND participant_id = @ParticipantId ORDER BY occurred_at_ms),
                (SELECT team FROM participants WHERE id = @ParticipantId AND tenant_id = @TenantId))
            END
        """;

    /// <inheritdoc />
    public string SelectTeamFactAtOrBefore => """
        SELECT TOP (1) occurred_at_ms AS OccurredAtMs, team AS Team FROM agent_team_facts
        WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND occurred_at_ms <= @AtMs
        ORDER BY occurred_at_ms DESC
        """;

    /// <inheritdoc />
    public string UpsertTeamFact => """
        MERGE agent_team_facts WITH (HOLDLOCK) AS target
        USING (SELECT @TenantId AS tenant_id, @ParticipantId AS participant_id, @AtMs AS occurred_at_ms) AS source
            ON target.tenant_id = source.tenant_id AND target.participant_id = source.participant_id AND target.occurred_at_ms = source.occurred_at_ms
        WHEN MATCHED AND @Team > target.team THEN UPDATE SET team = @Team
        WHEN NOT MATCHED THEN INSERT (tenant_id, participant_id, occurred_at_ms, team) VALUES (@TenantId, @ParticipantId, @AtMs, @Team);
        """;
}
