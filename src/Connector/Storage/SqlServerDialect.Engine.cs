namespace HelpdeskGamify.Connector.Storage;

/// <summary>
/// The engine's SQL Server statements. Checks that guard an insert or a spend take UPDLOCK and
/// HOLDLOCK, so two nodes checking the same row or range at once queue instead of both passing.
/// </summary>
public sealed partial class SqlServerDialect
{
    /// <inheritdoc />
    public string SelectRuleSetVersionLocked => "SELECT version FROM rule_sets WITH (UPDLOCK, HOLDLOCK) WHERE tenant_id = @TenantId";

    /// <inheritdoc />
    public string UpsertRuleSet => """
        MERGE rule_sets WITH (HOLDLOCK) AS target
        USING (SELECT @TenantId AS tenant_id) AS source ON target.tenant_id = source.tenant_id
        WHEN MATCHED THEN UPDATE SET version = @Version, rules_json = @RulesJson, updated_at_ms = @NowMs
        WHEN NOT MATCHED THEN INSERT (tenant_id, version, rules_json, updated_at_ms) VALUES (@TenantId, @Version, @RulesJson, @NowMs);
        """;

    /// <inheritdoc />
    public string InsertTicketFactIfAbsent => """
        INSERT INTO ticket_facts (tenant_id, ticket_id, natural_key, inbox_id, event_json)
        SELECT @TenantId, @TicketId, @NaturalKey, @InboxId, @EventJson
        WHERE NOT EXISTS (SELECT 1 FROM ticket_facts WITH (UPDLOCK, HOLDLOCK)
                          WHERE tenant_id = @TenantId AND ticket_id = @TicketId AND natural_key = @NaturalKey);
        """;

    /// <inheritdoc />
    public string LockTicket => """
        MERGE tickets WITH (HOLDLOCK) AS target
        USING (SELECT @TenantId AS tenant_id, @TicketId AS ticket_id) AS source
            ON target.tenant_id = source.tenant_id AND target.ticket_id = source.ticket_id
        WHEN MATCHED THEN UPDATE SET version = target.version + 1
        WHEN NOT MATCHED THEN INSERT (tenant_id, ticket_id, version) VALUES (@TenantId, @TicketId, 1)
        OUTPUT inserted.version;
        """;

    /// <inheritdoc />
    public string SelectDueTickets => """
        SELECT TOP (@Limit) tenant_id AS TenantId, ticket_id AS TicketId FROM tickets
        WHERE settle_due_ms IS NOT NULL AND settle_due_ms <= @NowMs
        ORDER BY settle_due_ms;
        """;

    /// <inheritdoc />
    public string EnsureBalance => """
        INSERT INTO participant_balances (tenant_id, participant_id)
        SELECT @TenantId, @ParticipantId
        WHERE NOT EXISTS (SELECT 1 FROM participant_balances WITH (UPDLOCK, HOLDLOCK) WHERE participant_id = @ParticipantId);
        """;

    /// <inheritdoc />
    public string AddToBalance => """
        MERGE participant_balances WITH (HOLDLOCK) AS target
        USING (SELECT @TenantId AS tenant_id, @ParticipantId AS participant_id) AS source
            ON target.participant_id = source.participant_id
        WHEN MATCHED AND target.tenant_id = source.tenant_id THEN UPDATE SET
            balance = target.balance + @Points, pending = target.pending + @PendingPoints, earned = target.earned + @Earned,
            last_activity_ms = CASE WHEN target.last_activity_ms < @ActivityMs THEN @ActivityMs ELSE target.last_activity_ms END
        WHEN NOT MATCHED THEN
            INSERT (tenant_id, participant_id, balance, pending, earned, level_index, last_activity_ms)
            VALUES (@TenantId, @ParticipantId, @Points, @PendingPoints, @Earned, 0, @ActivityMs)
        OUTPUT inserted.balance AS Balance, inserted.pending AS Pending;
        """;

    /// <inheritdoc />
    public string InsertBadgeIfAbsent => """
        INSERT INTO participant_badges (tenant_id, participant_id, badge_id, tier, earned_at_ms)
        SELECT @TenantId, @ParticipantId, @BadgeId, @Tier, @NowMs
        WHERE NOT EXISTS (SELECT 1 FROM participant_badges WITH (UPDLOCK, HOLDLOCK)
                          WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND badge_id = @BadgeId AND tier = @Tier);
        """;

    /// <inheritdoc />
    public string InsertQuestCompletionIfAbsent => """
        INSERT INTO quest_completions (tenant_id, participant_id, quest_key, completed_at_ms)
        SELECT @TenantId, @ParticipantId, @QuestKey, @NowMs
        WHERE NOT EXISTS (SELECT 1 FROM quest_completions WITH (UPDLOCK, HOLDLOCK)
                          WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND quest_key = @QuestKey);
        """;

    /// <inheritdoc />
    public string InsertFlagIfAbsent => """
        INSERT INTO review_flags (tenant_id, flag_kind, subject_key, participant_kind, participant_external_id, detail, status, created_at_ms, updated_at_ms)
        SELECT @TenantId, @FlagKind, @SubjectKey, @ParticipantKind, @ParticipantExternalId, @Detail, N'open', @NowMs, @NowMs
        WHERE NOT EXISTS (SELECT 1 FROM review_flags WITH (UPDLOCK, HOLDLOCK)
                          WHERE tenant_id = @TenantId AND flag_kind = @FlagKind AND subject_key = @SubjectKey);
        """;

    /// <inheritdoc />
    public string CountRedemptionsLocked => """
        SELECT COUNT(*) FROM redemptions WITH (UPDLOCK, HOLDLOCK)
        WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND reward_id = @RewardId;
        """;

    /// <inheritdoc />
    public string InsertRedemption => """
        INSERT INTO redemptions (tenant_id, reward_id, participant_id, points, code, created_at_ms)
        OUTPUT inserted.id
        VALUES (@TenantId, @RewardId, @ParticipantId, @Points, @Code, @NowMs);
        """;

    /// <inheritdoc />
    public string CountKudosLocked => """
        SELECT COUNT(*) FROM kudos WITH (UPDLOCK, HOLDLOCK) WHERE tenant_id = @TenantId AND giver_id = @GiverId AND week_key = @WeekKey;
        """;

    /// <inheritdoc />
    public string InsertKudos => """
        INSERT INTO kudos (tenant_id, giver_id, receiver_id, week_key, message, created_at_ms)
        OUTPUT inserted.id
        VALUES (@TenantId, @GiverId, @ReceiverId, @WeekKey, @Message, @NowMs);
        """;

    /// <inheritdoc />
    public string UpsertReward => """
        MERGE rewards WITH (HOLDLOCK) AS target
        USING (SELECT @TenantId AS tenant_id, @Id AS id) AS source ON target.tenant_id = source.tenant_id AND target.id = source.id
        WHEN MATCHED THEN UPDATE SET name = @Name, description = @Description, reward_kind = @RewardKind, cost = @Cost, stock = @Stock,
            per_customer_limit = @PerCustomerLimit, active = @Active, updated_at_ms = @NowMs
        WHEN NOT MATCHED THEN INSERT (tenant_id, id, name, description, reward_kind, cost, stock, per_customer_limit, active, updated_at_ms)
            VALUES (@TenantId, @Id, @Name, @Description, @RewardKind, @Cost, @Stock, @PerCustomerLimit, @Active, @NowMs);
        """;

    /// <inheritdoc />
    public string SelectExpiringCustomers => """
        SELECT TOP (@Limit) b.participant_id AS ParticipantId, p.external_id AS ExternalId, b.balance AS Balance
        FROM participant_balances b JOIN participants p ON p.id = b.participant_id
        WHERE b.tenant_id = @TenantId AND p.kind = N'customer' AND b.balance > 0 AND b.last_activity_ms < @BeforeMs;
        """;
}
