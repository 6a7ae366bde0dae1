using System.Data.Common;
using Dapper;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Scoring.Ledger;
using HelpdeskGamify.Connector.Scoring.Review;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Scoring.Tickets;

/// <summary>
/// Scores a ticket by recomputing it: lock the ticket row, add the new fact, compute what everyone
/// should hold from all facts (<see cref="TicketPolicy"/>), and append only the difference. Running it
/// twice changes nothing the second time, which is what makes replays and the release pass safe.
/// </summary>
public sealed class TicketScorer(Database database, LedgerWriter writer, ReviewFlagStore flags)
{
    private const string SelectFacts = "SELECT natural_key AS NaturalKey, event_json AS EventJson FROM ticket_facts WHERE tenant_id = @TenantId AND ticket_id = @TicketId";

    private const string SelectHeld = """
        SELECT p.kind AS ParticipantKind, p.external_id AS ParticipantId, l.rule_id AS RuleId, l.award_key AS AwardKey,
               MIN(l.category) AS Category, SUM(l.points) AS Balance, SUM(l.pending_points) AS Pending, l.occurred_at_ms AS OccurredAtMs
        FROM ledger l JOIN participants p ON p.id = l.participant_id
        WHERE l.tenant_id = @TenantId AND l.ticket_id = @TicketId AND l.award_key IS NOT NULL
        GROUP BY p.kind, p.external_id, l.rule_id, l.award_key, l.occurred_at_ms
        """;

    // A capped holding "holds" what it would get without the cap; the cap's share-out owns the difference.
    private const string SelectClaims = """
        SELECT p.kind AS ParticipantKind, p.external_id AS ParticipantId, c.rule_id AS RuleId, c.award_key AS AwardKey,
               c.category AS Category, c.balance AS Balance, c.pending AS Pending, c.occurred_at_ms AS OccurredAtMs
        FROM cap_claims c JOIN participants p ON p.id = c.participant_id
        WHERE c.tenant_id = @TenantId AND c.ticket_id = @TicketId
        """;

    // A contested award stays contested through every later recompute (see Contests); the decision is the audit trail's.
    private const string SelectContested = """
        SELECT DISTINCT p.kind AS ParticipantKind, p.external_id AS ParticipantId, l.rule_id AS RuleId, l.award_key AS AwardKey
        FROM review_decisions d
        JOIN ledger l ON l.id = d.ledger_id AND l.tenant_id = d.tenant_id
        JOIN participants p ON p.id = l.participant_id
        WHERE d.tenant_id = @TenantId AND d.decision = 'contested' AND l.ticket_id = @TicketId AND l.award_key IS NOT NULL
        """;

    private const string UpdateTicket = """
        UPDATE tickets SET settle_due_ms = @SettleDueMs,
            customer_id = COALESCE(customer_id, @CustomerId), created_at_ms = COALESCE(created_at_ms, @CreatedAtMs)
        WHERE tenant_id = @TenantId AND ticket_id = @TicketId
        """;

    /// <summary>Adds <paramref name="fact"/> (if any) to the ticket and brings its ledger up to date.</summary>
    public async Task ScoreAsync(DbConnection connection, DbTransaction tx, string tenantId, string ticketId, TicketFact? fact, long? sourceInboxId,
        RuleSet rules, DateTimeOffset now, ScoringBatch batch, CancellationToken ct)
    {
        var args = new { TenantId = tenantId, TicketId = ticketId };
        var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(database.Dialect.LockTicket, args, tx, cancellationToken: ct));
        if (fact is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(database.Dialect.InsertTicketFactIfAbsent, new
            {
                TenantId = tenantId, TicketId = ticketId, fact.NaturalKey, InboxId = sourceInboxId ?? 0, EventJson = EventJson.Serialize(fact.Event),
            }, tx, cancellationToken: ct));
        }
        // A ticket locked for the first time has no stored facts but this one, and nothing held, claimed or contested: only the ticket
        // scorer writes entries with a ticket and an award key, always under this lock. Four reads fewer for most new tickets.
        var fresh = version == 1;
        var facts = fresh ? (fact is null ? [] : [fact])
            : (await connection.QueryAsync<(string NaturalKey, string EventJson)>(new CommandDefinition(SelectFacts, args, tx, cancellationToken: ct)))
                .Select(r => new TicketFact(r.NaturalKey, EventJson.Deserialize(r.EventJson))).ToList();
        var held = fresh ? []
            : (await connection.QueryAsync<(string Kind, string Id, string RuleId, string AwardKey, string Category, long Balance, long Pending, long OccurredAtMs)>(
                new CommandDefinition(SelectHeld, args, tx, cancellationToken: ct)))
            .Select(r => new HeldAmount(r.Kind, r.Id, r.RuleId, r.AwardKey, r.Category, r.Balance, r.Pending, r.OccurredAtMs)).ToList();
        var claims = fresh ? []
            : (await connection.QueryAsync<(string Kind, string Id, string RuleId, string AwardKey, string Category, long Balance, long Pending, long OccurredAtMs)>(
                new CommandDefinition(SelectClaims, args, tx, cancellationToken: ct)))
            .ToDictionary(r => (r.Kind, r.Id, r.RuleId, r.AwardKey, r.OccurredAtMs), r => new HeldAmount(r.Kind, r.Id, r.RuleId, r.AwardKey, r.Category, r.Balance, r.Pending, r.OccurredAtMs));
        if (claims.Count > 0)
        {
            held = held.Where(h => !claims.ContainsKey((h.ParticipantKind, h.ParticipantId, h.RuleId, h.AwardKey, h.OccurredAtMs))).Concat(claims.Values).ToList();
        }
        var state = TicketPolicy.Compute(ticketId, facts, rules, now);
        var contested = fresh ? []
            : (await connection.QueryAsync<(string Kind, string Id, string RuleId, string AwardKey)>(
                new CommandDefinition(SelectContested, args, tx, cancellationToken: ct))).ToHashSet();
        var sourced = new HashSet<(string, string, string)>();
        var nowMs = now.ToUnixTimeMilliseconds();
        foreach (var delta in LedgerDiff.Between(Contests.Hold(state.Holdings, contested), held))
        {
            // The unique (person, source event, rule) guard allows one entry per rule per source; later ones in
            // the same recompute are just as safe (the recompute runs under the ticket lock) and keep the ticket link.
            var source = sourced.Add((delta.ParticipantKind, delta.ParticipantId, delta.RuleId)) ? sourceInboxId : null;
            await writer.WriteAsync(connection, tx, tenantId, delta with { TicketId = ticketId }, source, rules, nowMs, batch, ct,
                capClaimed: claims.ContainsKey((delta.ParticipantKind, delta.ParticipantId, delta.RuleId, delta.AwardKey, delta.OccurredAtMs)));
        }
        var created = facts.Where(f => f.Event.Kind == HelpdeskEventKind.TicketCreated).MinBy(f => f.Event.OccurredAt)?.Event;
        await connection.ExecuteAsync(new CommandDefinition(UpdateTicket, new
        {
            TenantId = tenantId, TicketId = ticketId, SettleDueMs = state.SettleDue?.ToUnixTimeMilliseconds(),
            CustomerId = created?.CustomerId, CreatedAtMs = created?.OccurredAt.ToUnixTimeMilliseconds(),
        }, tx, cancellationToken: ct));
        await FlagAsync(connection, tx, tenantId, ticketId, fact, facts, state, rules, nowMs, ct);
    }

    private async Task FlagAsync(DbConnection connection, DbTransaction tx, string tenantId, string ticketId, TicketFact? fact,
        List<TicketFact> facts, TicketState state, RuleSet rules, long nowMs, CancellationToken ct)
    {
        if (state.ReopenLoop && facts.FirstOrDefault(f => f.Event.Kind == HelpdeskEventKind.TicketSolved)?.Event.AgentId is { } solver)
        {
            await flags.OpenAsync(connection, tx, new ReviewFlagInsert(tenantId, ReviewFlagKinds.ReopenLoop, "ticket:" + ticketId,
                ParticipantKinds.Agent, solver, $"Ticket #{ticketId} was solved, reopened and solved again; only the first solve counts."), nowMs, ct);
        }
        if (fact?.Event is { Kind: HelpdeskEventKind.TicketCreated, CustomerId: { } customer } created)
        {
            await flags.CheckSplittingAsync(connection, tx, tenantId, customer, created, rules.Limits, nowMs, ct);
        }
    }
}
