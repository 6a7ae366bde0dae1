using Dapper;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.AgentHub.TeamLead.Notes;

/// <summary>Team leads' coaching notes about agents, each with its author and time; append-only.</summary>
public sealed class CoachingNoteStore(Database database)
{
    private const string Insert = """
        INSERT INTO coaching_notes (tenant_id, agent_id, author, body, created_at_ms)
        VALUES (@TenantId, @AgentId, @Author, @Body, @CreatedAtMs)
        """;

    /// <summary>Adds a note.</summary>
    public async Task AddAsync(string tenantId, string agentId, string author, string body, long createdAtMs, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Insert,
            new { TenantId = tenantId, AgentId = agentId, Author = author, Body = body, CreatedAtMs = createdAtMs }, cancellationToken: ct));
    }

    private const string SelectForAgent = """
        SELECT id AS Id, agent_id AS AgentId, author AS Author, body AS Body, created_at_ms AS CreatedAtMs
        FROM coaching_notes
        WHERE tenant_id = @TenantId AND agent_id = @AgentId
        ORDER BY id DESC
        """;

    /// <summary>An agent's notes, newest first.</summary>
    public async Task<IReadOnlyList<CoachingNote>> ForAgentAsync(string tenantId, string agentId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<CoachingNote>(new CommandDefinition(SelectForAgent,
            new { TenantId = tenantId, AgentId = agentId }, cancellationToken: ct))).AsList();
    }
}

/// <summary>One coaching note.</summary>
public sealed class CoachingNote
{
    /// <summary>Id.</summary>
    public long Id { get; init; }
    /// <summary>The agent it is about.</summary>
    public string AgentId { get; init; } = "";
    /// <summary>The team lead who wrote it.</summary>
    public string Author { get; init; } = "";
    /// <summary>The note.</summary>
    public string Body { get; init; } = "";
    /// <summary>When (Unix ms).</summary>
    public long CreatedAtMs { get; init; }
}
