using System.Security.Cryptography;
using Dapper;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring.Tickets;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Extensions.Logging;

namespace HelpdeskGamify.Connector.Scoring.Rewards;

/// <summary>
/// Redeems rewards atomically: the per-customer limit, the stock and the balance are each checked by
/// the statement that changes them (conditional updates, locked counts), all in one transaction, so
/// concurrent attempts can neither overdraw a balance nor oversell stock.
/// </summary>
public sealed class RedemptionService(Database database, LeaderboardIndex leaderboards, IGameNotifier notifier, Outbound.IAwardOutbox outbox, TimeProvider clock, ILogger<RedemptionService> logger)
{
    private const string SelectReward = """
        SELECT id AS Id, name AS Name, description AS Description, reward_kind AS Kind, cost AS Cost, stock AS Stock, per_customer_limit AS PerCustomerLimit, active AS Active
        FROM rewards WHERE tenant_id = @TenantId AND id = @RewardId AND active = 1
        """;

    private const string SelectCustomer = "SELECT id FROM participants WHERE tenant_id = @TenantId AND kind = 'customer' AND external_id = @CustomerId";

    private const string TakeStock = "UPDATE rewards SET stock = stock - 1 WHERE tenant_id = @TenantId AND id = @RewardId AND stock IS NOT NULL AND stock > 0";

    private const string Spend = "UPDATE participant_balances SET balance = balance - @Cost WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND balance >= @Cost";

    private const string SelectBalance = "SELECT balance FROM participant_balances WHERE tenant_id = @TenantId AND participant_id = @ParticipantId";

    /// <summary>Redeems <paramref name="rewardId"/> for a customer.</summary>
    public async Task<RedemptionResult> RedeemAsync(string tenantId, string customerId, string rewardId, CancellationToken ct = default)
    {
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(ct);
        using var turn = await database.EnterWriteAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var reward = await connection.QuerySingleOrDefaultAsync<Reward>(new CommandDefinition(SelectReward, new { TenantId = tenantId, RewardId = rewardId }, tx, cancellationToken: ct));
        if (reward is null)
        {
            return RedemptionResult.Fail(RedemptionFailure.NotFound);
        }
        var participantId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(SelectCustomer, new { TenantId = tenantId, CustomerId = customerId }, tx, cancellationToken: ct));
        if (participantId is null)
        {
            return RedemptionResult.Fail(RedemptionFailure.InsufficientPoints);
        }
        var person = new { TenantId = tenantId, ParticipantId = participantId.Value };
        if (reward.PerCustomerLimit is { } limit
            && await connection.ExecuteScalarAsync<long>(new CommandDefinition(database.Dialect.CountRedemptionsLocked, new { TenantId = tenantId, ParticipantId = participantId.Value, RewardId = rewardId }, tx, cancellationToken: ct)) >= limit)
        {
            return RedemptionResult.Fail(RedemptionFailure.LimitReached);
        }
        if (reward.Stock is not null && await connection.ExecuteAsync(new CommandDefinition(TakeStock, new { TenantId = tenantId, RewardId = rewardId }, tx, cancellationToken: ct)) == 0)
        {
            return RedemptionResult.Fail(RedemptionFailure.OutOfStock);
        }
        if (await connection.ExecuteAsync(new CommandDefinition(Spend, new { TenantId = tenantId, ParticipantId = participantId.Value, reward.Cost }, tx, cancellationToken: ct)) == 0)
        {
            return RedemptionResult.Fail(RedemptionFailure.InsufficientPoints);
        }
        var code = NewCode();
        var redemptionId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(database.Dialect.InsertRedemption, new
        {
            TenantId = tenantId, RewardId = rewardId, ParticipantId = participantId.Value, Points = reward.Cost, Code = code, NowMs = nowMs,
        }, tx, cancellationToken: ct));
        var ledgerId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(database.Dialect.InsertLedgerIfAbsent, new
        {
            TenantId = tenantId, ParticipantId = participantId.Value, Points = -reward.Cost, PendingPoints = 0, Category = "rewards",
            Reason = $"Redeemed '{reward.Name}'", RuleId = "reward:" + reward.Id, EntryKind = EntryKinds.Redemption, SourceInboxId = (long?)null,
            TicketId = (string?)null, AwardKey = $"redemption:{redemptionId}", OccurredAtMs = nowMs, CreatedAtMs = nowMs,
        }, tx, cancellationToken: ct));
        var balance = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectBalance, person, tx, cancellationToken: ct));
        var redeemed = new RewardRedeemed(tenantId, customerId, redemptionId, reward.Id, reward.Name, code, reward.Cost, balance);
        var batch = new ScoringBatch();
        batch.Redemptions.Add(redeemed);
        batch.Awards.Add(new PointsAwarded(tenantId, ParticipantKinds.Customer, customerId, ledgerId, -reward.Cost, "rewards", $"Redeemed '{reward.Name}'",
            null, balance, 0) { EntryKind = EntryKinds.Redemption });
        // reward.redeemed goes out to subscribers only if the redemption commits (transactional outbox).
        await outbox.AppendAsync(connection, tx, batch.ToOutcome(), ct);
        if (reward.Kind == "priority_service")
        {
            // The helpdesk hears of it only if the redemption commits; the WriteBackWorker calls it after commit.
            await WriteBack.WriteBackJobStore.EnqueueAsync(connection, tx, tenantId, redemptionId, WriteBack.WriteBackActions.PrioritizeCustomer, customerId, nowMs, ct);
        }
        await tx.CommitAsync(ct);
        turn.Dispose();

        await ScoringWorker.CommittedAsync(leaderboards, notifier, logger, batch, ct);
        return new RedemptionResult(redeemed, null);
    }

    // Unambiguous characters only, so a code read out over the phone survives.
    private static string NewCode() => "HG-" + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 10);
}

/// <summary>Why a redemption was refused.</summary>
public enum RedemptionFailure
{
    /// <summary>No such active reward.</summary>
    NotFound,
    /// <summary>The balance does not cover the cost.</summary>
    InsufficientPoints,
    /// <summary>None left.</summary>
    OutOfStock,
    /// <summary>The customer already redeemed it as often as allowed.</summary>
    LimitReached,
}

/// <summary>A redemption or the reason it was refused.</summary>
public sealed record RedemptionResult(RewardRedeemed? Redeemed, RedemptionFailure? Failure)
{
    /// <summary>A refusal.</summary>
    public static RedemptionResult Fail(RedemptionFailure failure) => new(null, failure);
}
