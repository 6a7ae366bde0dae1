namespace HelpdeskGamify.Connector.Storage;

/// <summary>
/// SQL Server: <c>TOP</c>, <c>OUTPUT</c>, and insert-if-absent guarded by <c>UPDLOCK, HOLDLOCK</c>
/// so that two concurrent writers cannot both pass the existence check. Each existence check is
/// one seek on one unique index (two <c>NOT EXISTS</c> rather than an <c>OR</c>), so the key-range
/// locks it takes stay narrow. Times are the application's clock in Unix milliseconds on both
/// providers, so the same rules and tests hold; nodes must keep their clocks in sync (NTP) since
/// scoring leases compare them.
/// </summary>
public sealed partial class SqlServerDialect : ISqlDialect
{
    /// <inheritdoc />
    public StorageProvider Provider => StorageProvider.SqlServer;

    /// <inheritdoc />
    public string InsertInboxIfAbsent => """
        INSERT INTO inbox (tenant_id, source, delivery_id, natural_key, kind, occurred_at_ms, received_at_ms, event_json, raw_body, headers_json, status, attempts)
        OUTPUT inserted.id
        SELECT @TenantId, @Source, @DeliveryId, @NaturalKey, @Kind, @OccurredAtMs, @ReceivedAtMs, @EventJson, @RawBody, @HeadersJson, 0, 0
        WHERE NOT EXISTS (
            SELECT 1 FROM inbox WITH (UPDLOCK, HOLDLOCK)
            WHERE tenant_id = @TenantId AND source = @Source AND delivery_id = @DeliveryId)
          AND NOT EXISTS (
            SELECT 1 FROM inbox WITH (UPDLOCK, HOLDLOCK)
            WHERE tenant_id = @TenantId AND natural_key = @NaturalKey);
        """;

    /// <inheritdoc />
    public string SelectPendingInbox => """
        SELECT TOP (@Limit) i.id AS Id, i.tenant_id AS TenantId, i.source AS Source, i.event_json AS EventJson, i.attempts AS Attempts,
               i.received_at_ms AS ReceivedAtMs
        FROM inbox AS i
        JOIN scoring_leases AS l ON l.tenant_id = i.tenant_id
        WHERE i.status = 0 AND l.owner = @Owner AND l.expires_at_ms > @NowMs
        ORDER BY i.id;
        """;

    /// <inheritdoc />
    /// <remarks>
    /// <c>HOLDLOCK</c> makes the match and the insert one serializable step, so two nodes racing for a
    /// new tenant cannot both insert (one waits, then sees the other's fresh lease and leaves it).
    /// </remarks>
    public string ClaimTenantLeases => """
        MERGE scoring_leases WITH (HOLDLOCK) AS target
        USING (SELECT DISTINCT tenant_id FROM inbox WHERE status = 0) AS source
            ON target.tenant_id = source.tenant_id
        WHEN MATCHED AND (target.owner = @Owner OR target.expires_at_ms <= @NowMs) THEN
            UPDATE SET owner = @Owner, expires_at_ms = @ExpiresAtMs
        WHEN NOT MATCHED THEN
            INSERT (tenant_id, owner, expires_at_ms) VALUES (source.tenant_id, @Owner, @ExpiresAtMs);
        """;

    /// <inheritdoc />
    public string UpsertParticipant => """
        MERGE participants WITH (HOLDLOCK) AS target
        USING (SELECT @TenantId AS tenant_id, @Kind AS kind, @ExternalId AS external_id) AS source
            ON target.tenant_id = source.tenant_id AND target.kind = source.kind AND target.external_id = source.external_id
        WHEN MATCHED THEN UPDATE SET
            display_name = COALESCE(@DisplayName, target.display_name),
            team = CASE WHEN @Team IS NOT NULL AND (target.team IS NULL OR @TeamAsOfMs > target.team_as_of_ms
                    OR (@TeamAsOfMs = target.team_as_of_ms AND @Team > target.team))
                THEN @Team ELSE target.team END,
            team_as_of_ms = CASE WHEN @Team IS NOT NULL AND (target.team IS NULL OR @TeamAsOfMs > target.team_as_of_ms
                    OR (@TeamAsOfMs = target.team_as_of_ms AND @Team > target.team))
                THEN @TeamAsOfMs ELSE target.team_as_of_ms END,
            updated_at_ms = @NowMs
        WHEN NOT MATCHED THEN
            INSERT (tenant_id, kind, external_id, display_name, team, team_as_of_ms, opted_out, created_at_ms, updated_at_ms)
            VALUES (@TenantId, @Kind, @ExternalId, @DisplayName, @Team, @TeamAsOfMs, 0, @NowMs, @NowMs)
        OUTPUT inserted.id;
        """;

    /// <inheritdoc />
    public string InsertLedgerIfAbsent => """
        INSERT INTO ledger (tenant_id, participant_id, points, pending_points, category, reason, rule_id, entry_kind, source_inbox_id, ticket_id, award_key, occurred_at_ms, created_at_ms)
        OUTPUT inserted.id
        SELECT @TenantId, @ParticipantId, @Points, @PendingPoints, @Category, @Reason, @RuleId, @EntryKind, @SourceInboxId, @TicketId, @AwardKey, @OccurredAtMs, @CreatedAtMs
        WHERE @SourceInboxId IS NULL OR NOT EXISTS (
            SELECT 1 FROM ledger WITH (UPDLOCK, HOLDLOCK)
            WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND source_inbox_id = @SourceInboxId AND rule_id = @RuleId);
        """;

    /// <inheritdoc />
    public string AddToLeaderboardTotal => """
        MERGE leaderboard_totals WITH (HOLDLOCK) AS target
        USING (SELECT @TenantId AS tenant_id, @Board AS board, @PeriodKey AS period_key, @MemberKey AS member_key) AS source
            ON target.tenant_id = source.tenant_id AND target.board = source.board
               AND target.period_key = source.period_key AND target.member_key = source.member_key
        WHEN MATCHED THEN UPDATE SET points = target.points + @Delta, updated_at_ms = @NowMs
        WHEN NOT MATCHED THEN
            INSERT (tenant_id, board, period_key, member_key, points, updated_at_ms)
            VALUES (@TenantId, @Board, @PeriodKey, @MemberKey, @Delta, @NowMs)
        OUTPUT inserted.points;
        """;

    /// <inheritdoc />
    public string UpsertTenant => """
        MERGE tenants WITH (HOLDLOCK) AS target
        USING (SELECT @Id AS id) AS source ON target.id = source.id
        WHEN MATCHED THEN UPDATE SET
            name = @Name, platform = @Platform, settings_protected = @SettingsProtected,
            widget_origins = @WidgetOrigins, updated_at_ms = @NowMs
        WHEN NOT MATCHED THEN
            INSERT (id, name, platform, settings_protected, widget_origins, created_at_ms, updated_at_ms)
            VALUES (@Id, @Name, @Platform, @SettingsProtected, @WidgetOrigins, @NowMs, @NowMs);
        """;

    /// <inheritdoc />
    public string SelectLedgerPage => """
        SELECT TOP (@Limit) id AS Id, points AS Points, pending_points AS PendingPoints, category AS Category, reason AS Reason, rule_id AS RuleId, entry_kind AS EntryKind,
               source_inbox_id AS SourceInboxId, ticket_id AS TicketId, occurred_at_ms AS OccurredAtMs, created_at_ms AS CreatedAtMs
        FROM ledger
        WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND id < @Before
        ORDER BY id DESC;
        """;

    /// <inheritdoc />
    public string SelectTopTotals => """
        SELECT TOP (@Limit) member_key AS MemberKey, points AS Points
        FROM leaderboard_totals
        WHERE tenant_id = @TenantId AND board = @Board AND period_key = @PeriodKey
        ORDER BY points DESC, member_key;
        """;
}
