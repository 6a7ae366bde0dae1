namespace HelpdeskGamify.Connector.Storage;

/// <summary>SQLite: <c>ON CONFLICT</c> upserts, <c>RETURNING</c> and <c>LIMIT</c>.</summary>
public sealed partial class SqliteDialect : ISqlDialect
{
    /// <inheritdoc />
    public StorageProvider Provider => StorageProvider.Sqlite;

    /// <inheritdoc />
    public string InsertInboxIfAbsent => """
        INSERT INTO inbox (tenant_id, source, delivery_id, natural_key, kind, occurred_at_ms, received_at_ms, event_json, raw_body, headers_json, status, attempts)
        VALUES (@TenantId, @Source, @DeliveryId, @NaturalKey, @Kind, @OccurredAtMs, @ReceivedAtMs, @EventJson, @RawBody, @HeadersJson, 0, 0)
        ON CONFLICT DO NOTHING
        RETURNING id
        """;

    /// <inheritdoc />
    public string SelectPendingInbox => """
        SELECT i.id AS Id, i.tenant_id AS TenantId, i.source AS Source, i.event_json AS EventJson, i.attempts AS Attempts,
               i.received_at_ms AS ReceivedAtMs
        FROM inbox AS i
        JOIN scoring_leases AS l ON l.tenant_id = i.tenant_id
        WHERE i.status = 0 AND l.owner = @Owner AND l.expires_at_ms > @NowMs
        ORDER BY i.id
        LIMIT @Limit
        """;

    /// <inheritdoc />
    /// <remarks>The <c>WHERE</c> of the <c>SELECT</c> also keeps SQLite from reading <c>ON CONFLICT</c> as a join.</remarks>
    public string ClaimTenantLeases => """
        INSERT INTO scoring_leases (tenant_id, owner, expires_at_ms)
        SELECT DISTINCT tenant_id, @Owner, @ExpiresAtMs FROM inbox WHERE status = 0
        ON CONFLICT (tenant_id) DO UPDATE SET owner = excluded.owner, expires_at_ms = excluded.expires_at_ms
        WHERE scoring_leases.owner = excluded.owner OR scoring_leases.expires_at_ms <= @NowMs
        """;

    /// <inheritdoc />
    public string UpsertParticipant => """
        INSERT INTO participants (tenant_id, kind, external_id, display_name, team, team_as_of_ms, opted_out, created_at_ms, updated_at_ms)
        VALUES (@TenantId, @Kind, @ExternalId, @DisplayName, @Team, @TeamAsOfMs, 0, @NowMs, @NowMs)
        ON CONFLICT (tenant_id, kind, external_id) DO UPDATE SET
            display_name = COALESCE(excluded.display_name, participants.display_name),
            team = CASE WHEN excluded.team IS NOT NULL AND (participants.team IS NULL OR excluded.team_as_of_ms > participants.team_as_of_ms
                    OR (excluded.team_as_of_ms = participants.team_as_of_ms AND excluded.team > participants.team))
                THEN excluded.team ELSE participants.team END,
            team_as_of_ms = CASE WHEN excluded.team IS NOT NULL AND (participants.team IS NULL OR excluded.team_as_of_ms > participants.team_as_of_ms
                    OR (excluded.team_as_of_ms = participants.team_as_of_ms AND excluded.team > participants.team))
                THEN excluded.team_as_of_ms ELSE participants.team_as_of_ms END,
            updated_at_ms = excluded.updated_at_ms
        RETURNING id
        """;

    /// <inheritdoc />
    public string InsertLedgerIfAbsent => """
        INSERT INTO ledger (tenant_id, participant_id, points, pending_points, category, reason, rule_id, entry_kind, source_inbox_id, ticket_id, award_key, occurred_at_ms, created_at_ms)
        VALUES (@TenantId, @ParticipantId, @Points, @PendingPoints, @Category, @Reason, @RuleId, @EntryKind, @SourceInboxId, @TicketId, @AwardKey, @OccurredAtMs, @CreatedAtMs)
        ON CONFLICT DO NOTHING
        RETURNING id
        """;

    /// <inheritdoc />
    public string AddToLeaderboardTotal => """
        INSERT INTO leaderboard_totals (tenant_id, board, period_key, member_key, points, updated_at_ms)
        VALUES (@TenantId, @Board, @PeriodKey, @MemberKey, @Delta, @NowMs)
        ON CONFLICT (tenant_id, board, period_key, member_key) DO UPDATE SET
            points = leaderboard_totals.points + excluded.points,
            updated_at_ms = excluded.updated_at_ms
        RETURNING points
        """;

    /// <inheritdoc />
    public string UpsertTenant => """
        INSERT INTO tenants (id, name, platform, settings_protected, widget_origins, created_at_ms, updated_at_ms)
        VALUES (@Id, @Name, @Platform, @SettingsProtected, @WidgetOrigins, @NowMs, @NowMs)
        ON CONFLICT (id) DO UPDATE SET
            name = excluded.name,
            platform = excluded.platform,
            settings_protected = excluded.settings_protected,
            widget_origins = excluded.widget_origins,
            updated_at_ms = excluded.updated_at_ms
        """;

    /// <inheritdoc />
    public string SelectLedgerPage => """
        SELECT id AS Id, points AS Points, pending_points AS PendingPoints, category AS Category, reason AS Reason, rule_id AS RuleId, entry_kind AS EntryKind,
               source_inbox_id AS SourceInboxId, ticket_id AS TicketId, occurred_at_ms AS OccurredAtMs, created_at_ms AS CreatedAtMs
        FROM ledger
        WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND id < @Before
        ORDER BY id DESC
        LIMIT @Limit
        """;

    /// <inheritdoc />
    public string SelectTopTotals => """
        SELECT member_key AS MemberKey, points AS Points
        FROM leaderboard_totals
        WHERE tenant_id = @TenantId AND board = @Board AND period_key = @PeriodKey
        ORDER BY points DESC, member_key
        LIMIT @Limit
        """;
}
