using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Scoring.Tickets;
using static HelpdeskGamify.Connector.Events.HelpdeskEventKind;

namespace HelpdeskGamify.Connector.Tests.Scoring.Tickets;

public sealed class TicketPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    private static readonly RuleSet Rules = DefaultRules.Set;

    private static TicketFact Fact(HelpdeskEventKind kind, DateTimeOffset at, SatisfactionRating rating = SatisfactionRating.None, string agent = "a1")
    {
        var e = Events.Ticket(kind, "42", at, agent: agent, rating: rating);
        return new TicketFact(NaturalKey.For(e), e);
    }

    private static (long Points, long Pending) Agent(TicketState s, string agent = "a1") =>
        (s.Holdings.Where(h => h.ParticipantId == agent && h.ParticipantKind == "agent").Sum(h => h.Balance),
         s.Holdings.Where(h => h.ParticipantId == agent && h.ParticipantKind == "agent").Sum(h => h.Pending));

    [Fact]
    public void Solved_ticket_awards_pending_points_until_csat()
    {
        var state = TicketPolicy.Compute("42", [Fact(TicketSolved, T0)], Rules, T0.AddHours(1));

        Assert.Equal((0, 10), Agent(state));
        Assert.Equal(T0.AddHours(72), state.SettleDue);
        Assert.Contains("pending until a rating", state.Holdings.Single().Note);
    }

    [Fact]
    public void Good_rating_releases_the_solve_points_and_adds_quality_points()
    {
        var state = TicketPolicy.Compute("42", [Fact(TicketSolved, T0), Fact(SatisfactionRated, T0.AddHours(2), SatisfactionRating.Good)], Rules, T0.AddHours(3));

        Assert.Equal((25, 0), Agent(state));
        Assert.Null(state.SettleDue);
    }

    [Fact]
    public void Bad_rating_turns_pending_points_into_a_penalty()
    {
        var state = TicketPolicy.Compute("42", [Fact(TicketSolved, T0), Fact(SatisfactionRated, T0.AddHours(2), SatisfactionRating.Bad)], Rules, T0.AddHours(3));

        Assert.Equal((-10, 0), Agent(state));
        Assert.Contains(state.Holdings, h => h.RuleId == "agent.ticket-solved" && h.Balance == 0 && h.Note == "taken back: unhappy rating");
    }

    [Fact]
    public void Reopen_within_the_window_takes_the_points_back_and_the_resolve_earns_nothing()
    {
        var state = TicketPolicy.Compute("42", [Fact(TicketSolved, T0), Fact(TicketReopened, T0.AddHours(5)), Fact(TicketSolved, T0.AddHours(6))],
            Rules, T0.AddDays(10));

        Assert.Equal((0, 0), Agent(state));
        Assert.True(state.ReopenLoop);
    }

    [Fact]
    public void Reopen_after_the_window_keeps_the_points()
    {
        var state = TicketPolicy.Compute("42", [Fact(TicketSolved, T0), Fact(TicketReopened, T0.AddHours(80))], Rules, T0.AddDays(10));

        Assert.Equal((10, 0), Agent(state));
    }

    [Fact]
    public void Quiet_window_passing_releases_the_points()
    {
        var state = TicketPolicy.Compute("42", [Fact(TicketSolved, T0)], Rules, T0.AddHours(72));

        Assert.Equal((10, 0), Agent(state));
        Assert.Null(state.SettleDue);
    }

    [Fact]
    public void Rating_that_arrives_before_the_solve_gives_the_same_result()
    {
        var facts = new[] { Fact(SatisfactionRated, T0.AddHours(2), SatisfactionRating.Good), Fact(TicketSolved, T0) };

        Assert.Equal(Agent(TicketPolicy.Compute("42", facts.Reverse().ToList(), Rules, T0.AddHours(3))), Agent(TicketPolicy.Compute("42", facts, Rules, T0.AddHours(3))));
    }

    [Fact]
    public void Points_per_ticket_are_capped()
    {
        var rules = Rules with { Limits = Rules.Limits with { MaxPointsPerTicket = 12 } };
        var state = TicketPolicy.Compute("42", [Fact(TicketSolved, T0), Fact(SatisfactionRated, T0.AddHours(2), SatisfactionRating.Good)], rules, T0.AddHours(3));

        Assert.Equal((12, 0), Agent(state));
        Assert.Contains(state.Holdings, h => h.Note == "capped at 12 points per ticket");
    }

    [Fact]
    public void Diff_of_a_settled_ticket_against_its_own_holdings_is_empty()
    {
        var state = TicketPolicy.Compute("42", [Fact(TicketSolved, T0), Fact(SatisfactionRated, T0.AddHours(2), SatisfactionRating.Good)], Rules, T0.AddHours(3));
        var held = state.Holdings.Select(h => new HeldAmount(h.ParticipantKind, h.ParticipantId, h.RuleId, h.AwardKey, h.Category, h.Balance, h.Pending, h.OccurredAtMs)).ToList();

        Assert.Empty(LedgerDiff.Between(state.Holdings, held));
    }

    [Fact]
    public void Diff_names_the_entry_kinds_of_each_transition()
    {
        var pending = TicketPolicy.Compute("42", [Fact(TicketSolved, T0)], Rules, T0.AddHours(1)).Holdings;
        var held = pending.Select(h => new HeldAmount(h.ParticipantKind, h.ParticipantId, h.RuleId, h.AwardKey, h.Category, h.Balance, h.Pending, h.OccurredAtMs)).ToList();

        var released = LedgerDiff.Between(TicketPolicy.Compute("42", [Fact(TicketSolved, T0)], Rules, T0.AddDays(4)).Holdings, held);
        var reopened = LedgerDiff.Between(TicketPolicy.Compute("42", [Fact(TicketSolved, T0), Fact(TicketReopened, T0.AddHours(2))], Rules, T0.AddHours(3)).Holdings, held);
        var rated = LedgerDiff.Between(TicketPolicy.Compute("42", [Fact(TicketSolved, T0), Fact(SatisfactionRated, T0.AddHours(2), SatisfactionRating.Bad)], Rules, T0.AddHours(3)).Holdings, held);

        Assert.Equal((EntryKinds.Release, 10, -10), (released.Single().EntryKind, released.Single().Points, released.Single().PendingPoints));
        Assert.Equal((EntryKinds.Clawback, 0, -10), (reopened.Single().EntryKind, reopened.Single().Points, reopened.Single().PendingPoints));
        Assert.Contains(rated, d => d.EntryKind == EntryKinds.Penalty && d.Points == -10 && d.RuleId == "agent.bad-rating");
        Assert.Contains(rated, d => d.EntryKind == EntryKinds.Clawback && d.PendingPoints == -10 && d.Reason.Contains("unhappy rating", StringComparison.Ordinal));
    }
}
