namespace HelpdeskGamify.Connector.Storage;

/// <summary>The engine's SQLite statements. Write transactions are IMMEDIATE, so reads inside them are already serialised.</summary>
public sealed partial class SqliteDialect
{
    /// <inheritdoc />
    public string SelectRuleSetVersionLocked => "SELECT version FROM rule_sets WHERE tenant_id = @TenantId";

    /// <inheritdoc />
    public string UpsertRuleSet => """
        INSERT INTO rule_sets (tenant_id, version, rules_json, updated_at_ms) VALUES (@TenantId, @Version, @RulesJson, @NowMs)
        ON CONFLICT (tenant_id) DO UPDATE SET version = excluded.version, rules_json = excluded.rules_json, updated_at_ms = excluded.updated_at_ms
        """;

    /// <inheritdoc />
    public string InsertTicketFactIfAbsent => """
        INSERT INTO ticket_facts (tenant_id, ticket_id, natural_key, inbox_id, event_json)
        VALUES (@TenantId, @TicketId, @NaturalKey, @InboxId, @EventJson)
        ON CONFLICT DO NOTHING
        """;

    /// <inheritdoc />
    public string LockTicket => """
        INSERT INTO tickets (tenant_id, ticket_id, version) VALUES (@TenantId, @TicketId, 1)
        ON CONFLICT (tenant_id, ticket_id) DO UPDATE SET version = tickets.version + 1
        RETURNING version
        """;

    /// <inheritdoc />
    public string SelectDueTickets => """
        SELECT tenant_id AS TenantId, ticket_id AS TicketId FROM tickets
        WHERE settle_due_ms IS NOT NULL AND settle_due_ms <= @NowMs
        ORDER BY settle_due_ms
        LIMIT @Limit
        """;

    /// <inheritdoc />
    public string EnsureBalance => """
        INSERT INTO participant_balances (tenant_id, participant_id) VALUES (@TenantId, @ParticipantId)
        ON CONFLICT DO NOTHING
        """;

    /// <inheritdoc />
    public string AddToBalance => """
        INSERT INTO participant_balances (tenant_id, participant_id, balance, pending, earned, last_activity_ms)
        VALUES (@TenantId, @ParticipantId, @Points, @PendingPoints, @Earned, @ActivityMs)
        ON CONFLICT (participant_id) DO UPDATE SET
            balance = participant_balances.balance + excluded.balance,
            pending = participant_balances.pending + excluded.pending,
            earned = participant_balances.earned + excluded.earned,
            last_activity_ms = CASE WHEN participant_balances.last_activity_ms < excluded.last_activity_ms
                THEN excluded.last_activity_ms ELSE participant_balances.last_activity_ms END
        WHERE participant_balances.tenant_id = excluded.tenant_id
        RETURNING balance AS Balance, pending AS Pending
        """;

    /// <inheritdoc />
    public string InsertBadgeIfAbsent => """
        INSERT INTO participant_badges (tenant_id, participant_id, badge_id, tier, earned_at_ms)
        VALUES (@TenantId, @ParticipantId, @BadgeId, @Tier, @NowMs)
        ON CONFLICT DO NOTHING
        """;

    /// <inheritdoc />
    public string InsertQuestCompletionIfAbsent => """
        INSERT INTO quest_completions (tenant_id, participant_id, quest_key, completed_at_ms)
        VALUES (@TenantId, @ParticipantId, @QuestKey, @NowMs)
        ON CONFLICT DO NOTHING
        """;

    /// <inheritdoc />
    public string InsertFlagIfAbsent => """
        INSERT INTO review_flags (tenant_id, flag_kind, subject_key, participant_kind, participant_external_id, detail, status, created_at_ms, updated_at_ms)
        VALUES (@TenantId, @FlagKind, @SubjectKey, @ParticipantKind, @ParticipantExternalId, @Detail, 'open', @NowMs, @NowMs)
        ON CONFLICT DO NOTHING
        """;

    /// <inheritdoc />
    public string CountRedemptionsLocked => """
        SELECT COUNT(*) FROM redemptions WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND reward_id = @RewardId
        """;

    /// <inheritdoc />
    public string InsertRedemption => """
        INSERT INTO redemptions (tenant_id, reward_id, participant_id, points, code, created_at_ms)
        VALUES (@TenantId, @RewardId, @ParticipantId, @Points, @Code, @NowMs)
        RETURNING id
        """;

    /// <inheritdoc />
    public string CountKudosLocked => "SELECT COUNT(*) FROM kudos WHERE tenant_id = @TenantId AND giver_id = @GiverId AND week_key = @WeekKey";

    /// <inheritdoc />
    public string InsertKudos => """
        INSERT INTO kudos (tenant_id, giver_id, receiver_id, week_key, message, created_at_ms)
        VALUES (@TenantId, @GiverId, @ReceiverId, @WeekKey, @Message, @NowMs)
        RETURNING id
        """;

    /// <inheritdoc />
    public string UpsertReward => """
        INSERT INTO rewards (tenant_id, id, name, description, reward_kind, cost, stock, per_customer_limit, active, updated_at_ms)
        VALUES (@TenantId, @Id, @Name, @Description, @RewardKind, @Cost, @Stock, @PerCustomerLimit, @Active, @NowMs)
        ON CONFLICT (tenant_id, id) DO UPDATE SET name = excluded.name, description = excluded.description, reward_kind = excluded.reward_kind,
            cost = excluded.cost, stock = excluded.stock, per_customer_limit = excluded.per_customer_limit, active = excluded.active,
            updated_at_ms = excluded.updated_at_ms
        """;

    /// <inheritdoc />
    public string SelectExpiringCustomers => """
        SELECT b.participant_id AS ParticipantId, p.external_id AS ExternalId, b.balance AS Balance
        FROM participant_balances b JOIN participants p ON p.id = b.participant_id
        WHERE b.tenant_id = @TenantId AND p.kind = 'customer' AND b.balance > 0 AND b.last_activity_ms < @BeforeMs
        LIMIT @Limit
        """;
}
