namespace HelpdeskGamify.Connector.Storage;

/// <summary>The SQLite statements for team credit by when facts happened.</summary>
public sealed partial class SqliteDialect
{
    /// <inheritdoc />
    public string SelectCreditedTeam => """
        SELECT CASE WHEN EXISTS (SELECT 1 FROM activity_units WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND rule_id = @RuleId
                AND award_key = @AwardKey AND occurred_at_ms = @OccurredAtMs)
            THEN (SELECT team FROM activity_units WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND rule_id = @RuleId
                AND award_key = @AwardKey AND occurred_at_ms = @OccurredAtMs)
            ELSE COALESCE(
                (SELECT team FROM agent_team_facts WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND occurred_at_ms <= @OccurredAtMs
                    ORDER BY occurred_at_ms DESC LIMIT 1),
                (SELECT team FROM agent_team_facts WHERE tenant_id = @TenantId AND participant_id = @ParticipantId ORDER BY occurred_at_ms LIMIT 1),
                (SELECT team FROM participants WHERE id = @ParticipantId AND tenant_id = @TenantId))
            END
        """;

    /// <inheritdoc />
    public string SelectTeamFactAtOrBefore => """
        SELECT occurred_at_ms AS OccurredAtMs, team AS Team FROM agent_team_facts
        WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND occurred_at_ms <= @AtMs
        ORDER BY occurred_at_ms DESC LIMIT 1
        """;

    /// <inheritdoc />
    public string UpsertTeamFact => """
        INSERT INTO agent_team_facts (tenant_id, participant_id, occurred_at_ms, team) VALUES (@TenantId, @ParticipantId, @AtMs, @Team)
        ON CONFLICT (tenant_id, participant_id, occurred_at_ms) DO UPDATE SET team = excluded.team WHERE excluded.team > agent_team_facts.team
        """;
}
