namespace HelpdeskGamify.Connector.Storage;

/// <summary>The engine's statements that differ between providers (rules, tickets, balances, badges, rewards).</summary>
public partial interface ISqlDialect
{
    /// <summary>The stored rule set version, locked until the transaction ends.</summary>
    string SelectRuleSetVersionLocked { get; }

    /// <summary>Inserts or replaces a tenant's rule set.</summary>
    string UpsertRuleSet { get; }

    /// <summary>Records a ticket fact unless its natural key is known; affects one row when new.</summary>
    string InsertTicketFactIfAbsent { get; }

    /// <summary>
    /// Creates the ticket row or bumps its version, which serialises recomputes of one ticket across nodes; returns the new
    /// version (1: the ticket was never scored before).
    /// </summary>
    string LockTicket { get; }

    /// <summary>Tickets whose pending points are due to settle (<c>settle_due_ms &lt;= @NowMs</c>), at most <c>@Limit</c>.</summary>
    string SelectDueTickets { get; }

    /// <summary>Creates a participant's balance row if absent.</summary>
    string EnsureBalance { get; }

    /// <summary>
    /// Adds an entry's points to a participant's balance row (creating it if absent) and returns the new
    /// <c>Balance</c> and <c>Pending</c>: one statement where scoring used three.
    /// </summary>
    string AddToBalance { get; }

    /// <summary>Records a badge tier unless already earned; affects one row when new.</summary>
    string InsertBadgeIfAbsent { get; }

    /// <summary>Records a quest completion unless already recorded; affects one row when new.</summary>
    string InsertQuestCompletionIfAbsent { get; }

    /// <summary>Opens a review flag unless the same one exists; affects one row when new.</summary>
    string InsertFlagIfAbsent { get; }

    /// <summary>Counts a customer's redemptions of a reward, locking the range until the transaction ends.</summary>
    string CountRedemptionsLocked { get; }

    /// <summary>Inserts a redemption and returns its id.</summary>
    string InsertRedemption { get; }

    /// <summary>Counts the kudos an agent gave in a week, locking the range until the transaction ends.</summary>
    string CountKudosLocked { get; }

    /// <summary>Inserts a kudos and returns its id.</summary>
    string InsertKudos { get; }

    /// <summary>Inserts or replaces a reward of the catalog.</summary>
    string UpsertReward { get; }

    /// <summary>Customers whose balance expires: positive balance and no activity since <c>@BeforeMs</c>, at most <c>@Limit</c>.</summary>
    string SelectExpiringCustomers { get; }
}
