using System.Data.Common;
using Dapper;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Scoring.Review;

/// <summary>The kinds of review flag.</summary>
public static class ReviewFlagKinds
{
    /// <summary>Many tiny tickets from one requester in a short time.</summary>
    public const string TicketSplitting = "ticket-splitting";

    /// <summary>A ticket solved, reopened and solved again.</summary>
    public const string ReopenLoop = "reopen-loop";
}

/// <summary>The review statuses a team lead can set.</summary>
public static class ReviewStatuses
{
    /// <summary>Not looked at yet.</summary>
    public const string Open = "open";
    /// <summary>Looked at and fine.</summary>
    public const string Approved = "approved";
    /// <summary>Looked at and disputed.</summary>
    public const string Contested = "contested";
}

/// <summary>Opens, lists and resolves review flags (the team lead's queue). Every query is scoped by tenant.</summary>
public sealed class ReviewFlagStore(Database database, TimeProvider clock)
{
    private const string CountRecentTickets = """
        SELECT COUNT(*) FROM tickets
        WHERE tenant_id = @TenantId AND customer_id = @CustomerId AND created_at_ms > @FromMs AND created_at_ms <= @ToMs
        """;

    private const string SelectAssignees = """
        SELECT DISTINCT f.event_json FROM tickets t JOIN ticket_facts f ON f.tenant_id = t.tenant_id AND f.ticket_id = t.ticket_id
        WHERE t.tenant_id = @TenantId AND t.customer_id = @CustomerId AND t.created_at_ms > @FromMs AND t.created_at_ms <= @ToMs
        """;

    /// <summary>Opens a flag unless the same one is already there.</summary>
    public async Task OpenAsync(DbConnection connection, DbTransaction tx, ReviewFlagInsert flag, long nowMs, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(database.Dialect.InsertFlagIfAbsent, new
        {
            flag.TenantId, flag.FlagKind, flag.SubjectKey, flag.ParticipantKind, flag.ParticipantExternalId, flag.Detail, NowMs = nowMs,
        }, tx, cancellationToken: ct));

    /// <summary>Flags a requester who opened <see cref="GamingLimits.SplitTicketThreshold"/> tickets within the window before this one.</summary>
    public async Task CheckSplittingAsync(DbConnection connection, DbTransaction tx, string tenantId, string customerId, HelpdeskEvent created,
        GamingLimits limits, long nowMs, CancellationToken ct)
    {
        var toMs = created.OccurredAt.ToUnixTimeMilliseconds();
        var args = new { TenantId = tenantId, CustomerId = customerId, FromMs = toMs - (limits.SplitWindowMinutes * 60_000L), ToMs = toMs };
        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountRecentTickets, args, tx, cancellationToken: ct));
        if (count < limits.SplitTicketThreshold)
        {
            return;
        }
        // Split tickets pay their agent; name the agent who worked them so the lead knows whom to ask.
        var agents = (await connection.QueryAsync<string>(new CommandDefinition(SelectAssignees, args, tx, cancellationToken: ct)))
            .Select(EventJson.Deserialize).Select(e => e.AgentId).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var bucket = toMs / (limits.SplitWindowMinutes * 60_000L);
        await OpenAsync(connection, tx, new ReviewFlagInsert(tenantId, ReviewFlagKinds.TicketSplitting, $"customer:{customerId}:{bucket}",
            ParticipantKinds.Agent, agents.FirstOrDefault() ?? "",
            $"Requester {customerId} opened {count} tickets within {limits.SplitWindowMinutes} minutes (agents: {string.Join(", ", agents)})."), nowMs, ct);
    }

    private const string SelectFlags = """
        SELECT id AS Id, flag_kind AS FlagKind, subject_key AS SubjectKey, participant_kind AS ParticipantKind,
               participant_external_id AS ParticipantExternalId, detail AS Detail, status AS Status, created_at_ms AS CreatedAtMs, updated_at_ms AS UpdatedAtMs
        FROM review_flags
        WHERE tenant_id = @TenantId AND (@Status IS NULL OR status = @Status)
        ORDER BY id DESC
        """;

    /// <summary>The tenant's flags, newest first, optionally of one status.</summary>
    public async Task<IReadOnlyList<ReviewFlag>> ListAsync(string tenantId, string? status, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<ReviewFlag>(new CommandDefinition(SelectFlags, new { TenantId = tenantId, Status = status }, cancellationToken: ct))).AsList();
    }

    private const string UpdateStatus = "UPDATE review_flags SET status = @Status, detail = @Detail, updated_at_ms = @NowMs WHERE tenant_id = @TenantId AND id = @Id";

    private const string SelectDetail = "SELECT detail FROM review_flags WHERE tenant_id = @TenantId AND id = @Id";

    /// <summary>Approves or contests a flag with an optional note; false when the tenant has no such flag.</summary>
    public async Task<bool> ResolveAsync(string tenantId, long id, string status, string? note, CancellationToken ct = default)
    {
        if (status is not (ReviewStatuses.Approved or ReviewStatuses.Contested or ReviewStatuses.Open))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Must be open, approved or contested.");
        }
        await using var connection = await database.OpenAsync(ct);
        var detail = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(SelectDetail, new { TenantId = tenantId, Id = id }, cancellationToken: ct));
        if (detail is null)
        {
            return false;
        }
        var updated = string.IsNullOrWhiteSpace(note) ? detail : $"{detail} — {status}: {note.Trim()}";
        return await connection.ExecuteAsync(new CommandDefinition(UpdateStatus, new
        {
            TenantId = tenantId, Id = id, Status = status, Detail = updated.Length > 1000 ? updated[..1000] : updated,
            NowMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        }, cancellationToken: ct)) == 1;
    }
}

/// <summary>A flag to open.</summary>
public sealed record ReviewFlagInsert(string TenantId, string FlagKind, string SubjectKey, string ParticipantKind, string ParticipantExternalId, string Detail);

/// <summary>A flag in the review queue.</summary>
public sealed class ReviewFlag
{
    /// <summary>Id.</summary>
    public long Id { get; init; }
    /// <summary>ticket-splitting or reopen-loop.</summary>
    public string FlagKind { get; init; } = "";
    /// <summary>What it is about (ticket or requester and window).</summary>
    public string SubjectKey { get; init; } = "";
    /// <summary>Kind of the person concerned.</summary>
    public string ParticipantKind { get; init; } = "";
    /// <summary>The person concerned.</summary>
    public string ParticipantExternalId { get; init; } = "";
    /// <summary>Human-readable detail.</summary>
    public string Detail { get; init; } = "";
    /// <summary>open, approved or contested.</summary>
    public string Status { get; init; } = "";
    /// <summary>When raised.</summary>
    public long CreatedAtMs { get; init; }
    /// <summary>When last changed.</summary>
    public long UpdatedAtMs { get; init; }
}
