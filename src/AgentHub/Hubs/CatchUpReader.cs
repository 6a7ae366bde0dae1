using System.Security.Claims;
using Dapper;
using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.AgentHub.Data;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.AgentHub.Hubs;

/// <summary>
/// Answers a reconnecting client: the awards written for it after the last one it saw, and the
/// board as it stands, so nothing pushed while it was away is lost to it.
/// </summary>
public sealed class CatchUpReader(Database database, ParticipantStore participants, LeaderboardReader boards)
{
    /// <summary>At most this many missed awards come back; a client that missed more reloads its history.</summary>
    public const int MaxAwards = 100;

    private const string AfterSqlite = """
        SELECT id AS LedgerId, points AS Points, pending_points AS PendingPoints, category AS Category, reason AS Reason, ticket_id AS TicketId, entry_kind AS EntryKind
        FROM ledger
        WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND id > @After
        ORDER BY id
        LIMIT @Limit
        """;

    private const string AfterSqlServer = """
        SELECT TOP (@Limit) id AS LedgerId, points AS Points, pending_points AS PendingPoints, category AS Category, reason AS Reason, ticket_id AS TicketId, entry_kind AS EntryKind
        FROM ledger
        WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND id > @After
        ORDER BY id;
        """;

    /// <summary>The caller's missed awards (oldest first) and the current board for <paramref name="period"/>.</summary>
    public async Task<CatchUp> ReadAsync(ClaimsPrincipal user, long lastLedgerId, string period, CancellationToken ct)
    {
        var tenant = user.TenantId() ?? throw new InvalidOperationException("A hub caller always has a tenant.");
        var subject = user.Subject()!;
        var kind = user.Role() == Roles.Customer ? ParticipantKinds.Customer : ParticipantKinds.Agent;
        var board = kind == ParticipantKinds.Customer ? "customers" : "agents";
        period = LeaderboardPeriods.IsValid(period) ? period : "week";
        var page = await boards.ReadAsync(tenant, board, period, 10, subject, ct);
        var person = await participants.FindAsync(tenant, kind, subject, ct);
        if (person is null)
        {
            return new CatchUp([], page, false);
        }
        await using var connection = await database.OpenAsync(ct);
        var rows = (await connection.QueryAsync<MissedAward>(new CommandDefinition(ProviderSql.Pick(database, AfterSqlite, AfterSqlServer),
            new { TenantId = tenant, ParticipantId = person.Id, After = lastLedgerId, Limit = MaxAwards + 1 }, cancellationToken: ct))).AsList();
        var truncated = rows.Count > MaxAwards;
        return new CatchUp(truncated ? rows[..MaxAwards] : rows, page, truncated);
    }
}

/// <summary>The catch-up answer: missed awards oldest first, the board now, and whether more were missed than returned.</summary>
public sealed record CatchUp(IReadOnlyList<MissedAward> Awards, LeaderboardPage Board, bool Truncated);

/// <summary>A ledger entry the client did not see pushed.</summary>
public sealed class MissedAward
{
    /// <summary>The ledger id; the client remembers the highest it has seen.</summary>
    public long LedgerId { get; init; }
    /// <summary>Points (negative for clawbacks and adjustments down).</summary>
    public long Points { get; init; }
    /// <summary>Points held back until a rating or a quiet window (a pending award has Points 0).</summary>
    public long PendingPoints { get; init; }
    /// <summary>The category.</summary>
    public string Category { get; init; } = "";
    /// <summary>Why.</summary>
    public string Reason { get; init; } = "";
    /// <summary>The ticket, when there is one.</summary>
    public string? TicketId { get; init; }
    /// <summary>award, pending, adjustment …</summary>
    public string EntryKind { get; init; } = "";
}
