using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Zendesk;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.Connector.Tests.Events;

public sealed class NaturalKeyTests
{
    private static readonly DateTimeOffset At = new(2025, 1, 8, 12, 15, 45, TimeSpan.Zero);

    private static HelpdeskEvent Solve(DateTimeOffset at, string ticket = "5158") => new()
    {
        Source = "zendesk", Kind = HelpdeskEventKind.TicketSolved, OccurredAt = at, TicketId = ticket, SourceEventId = Guid.NewGuid().ToString(),
    };

    [Fact]
    public void Same_solve_reported_by_a_trigger_and_an_event_webhook_has_one_key()
    {
        var fromEvent = Assert.Single(ZendeskPayloadParser.Parse(Fixtures.Read("zendesk/event-ticket-status-changed.json")));
        var fromTrigger = fromEvent with { SourceEventId = null, OccurredAt = new DateTimeOffset(2025, 1, 8, 12, 15, 0, TimeSpan.Zero) };

        Assert.Equal(NaturalKey.For(fromEvent), NaturalKey.For(fromTrigger));
    }

    [Fact]
    public void Redelivery_under_a_new_delivery_id_has_the_same_key()
    {
        Assert.Equal(NaturalKey.For(Solve(At)), NaturalKey.For(Solve(At)));
    }

    [Fact]
    public void Different_tickets_minutes_and_kinds_have_different_keys()
    {
        var keys = new[]
        {
            NaturalKey.For(Solve(At)),
            NaturalKey.For(Solve(At, "5159")),
            NaturalKey.For(Solve(At.AddMinutes(1))),
            NaturalKey.For(Solve(At) with { Kind = HelpdeskEventKind.TicketReopened }),
            NaturalKey.For(Solve(At) with { Source = "freshdesk" }),
        };
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void Two_replies_in_one_minute_are_told_apart_by_their_ids()
    {
        var reply = Solve(At) with { Kind = HelpdeskEventKind.TicketAgentReplied };
        Assert.NotEqual(NaturalKey.For(reply with { SourceEventId = "a" }), NaturalKey.For(reply with { SourceEventId = "b" }));
    }
}
