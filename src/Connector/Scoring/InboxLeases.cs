using System.Data.Common;
using Dapper;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.Connector.Scoring;

/// <summary>
/// Per-tenant scoring leases. A node scores a tenant only while it holds the tenant's lease, which
/// keeps each tenant's events in order and stops two nodes from scoring the same rows. The lease is
/// renewed on every claim; a node that dies stops renewing, and after <see cref="InboxLeaseOptions.Duration"/>
/// another node takes over the rows it left pending (they were never committed as processed).
/// </summary>
public sealed class InboxLeases(Database database, NodeIdentity node, IOptions<InboxLeaseOptions> options, TimeProvider clock) : IHostedService
{
    /// <summary>This node's name in <c>scoring_leases.owner</c>.</summary>
    public string Owner => node.Id;

    private const string ReleaseIdle = """
        DELETE FROM scoring_leases
        WHERE owner = @Owner
          AND NOT EXISTS (SELECT 1 FROM inbox WHERE inbox.tenant_id = scoring_leases.tenant_id AND inbox.status = 0)
        """;

    /// <summary>
    /// Lets go of tenants with nothing pending (so another node may take their next rows), then takes
    /// or renews the leases of tenants with pending rows. Returns the time the claim is valid at.
    /// </summary>
    public async Task<long> ClaimAsync(DbConnection connection, CancellationToken ct)
    {
        // One transaction: one commit (one fsync under synchronous=FULL) instead of two.
        await using var tx = await connection.BeginTransactionAsync(ct);
        var nowMs = await ClaimAsync(connection, tx, ct);
        await tx.CommitAsync(ct);
        return nowMs;
    }

    /// <summary>As <see cref="ClaimAsync(DbConnection, CancellationToken)"/>, inside the caller's write transaction.</summary>
    public async Task<long> ClaimAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        var nowMs = NowMs;
        await connection.ExecuteAsync(new CommandDefinition(ReleaseIdle, new { Owner }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(database.Dialect.ClaimTenantLeases,
            new { Owner, NowMs = nowMs, ExpiresAtMs = nowMs + (long)options.Value.Duration.TotalMilliseconds }, tx, cancellationToken: ct));
        return nowMs;
    }

    /// <summary>The time on the clock leases are measured with, in Unix milliseconds.</summary>
    public long NowMs => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private const string ReleaseAll = "DELETE FROM scoring_leases WHERE owner = @Owner";

    /// <summary>Gives up every lease of this node, so a restart or another node need not wait for expiry.</summary>
    public async Task ReleaseAllAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        using var turn = await database.EnterWriteAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ReleaseAll, new { Owner }, cancellationToken: ct));
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    /// <remarks>Registered before the scorer, so it stops after it: no batch is in flight any more.</remarks>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ReleaseAllAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or OperationCanceledException)
        {
            // The leases expire on their own; a failed release only delays the next owner.
        }
    }
}

/// <summary><c>Scoring:Lease</c>: how long a tenant's scoring lease lasts without renewal.</summary>
public sealed class InboxLeaseOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Scoring:Lease";

    /// <summary>
    /// How long a dead node's tenants wait before another node scores them. Longer than any batch
    /// takes (renewal happens between batches), short enough that a crash costs seconds, not minutes.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>This process's name among the nodes: host, process id and a random suffix, unique per start.</summary>
public sealed class NodeIdentity
{
    /// <summary>A new identity for this process.</summary>
    public NodeIdentity()
        : this($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("n")[..8]}")
    {
    }

    /// <summary>A given identity (tests play several nodes in one process).</summary>
    public NodeIdentity(string id) => Id = id;

    /// <summary>The node id.</summary>
    public string Id { get; }
}
