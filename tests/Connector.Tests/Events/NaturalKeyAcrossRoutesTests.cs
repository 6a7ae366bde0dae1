using HelpdeskGamify.Connector.Events;

namespace HelpdeskGamify.Connector.Tests.Events;

public sealed class NaturalKeyAcrossRoutesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 15, 42, TimeSpan.Zero);

    [Fact]
    public void The_same_message_from_zendesk_events_and_from_messaging_shares_a_key_when_it_names_the_person()
    {
        var viaEvent = new HelpdeskEvent { Source = "zendesk", Kind = HelpdeskEventKind.ChatCustomerMessage, OccurredAt = At, TicketId = "141", ConversationId = "c1", MessageId = "m1", CustomerId = "7", SourceEventId = "a" };
        var viaSunco = new HelpdeskEvent { Source = "zendesk-messaging", Kind = HelpdeskEventKind.ChatCustomerMessage, OccurredAt = At.AddSeconds(1), ConversationId = "c1", MessageId = "m1", CustomerId = "7", SourceEventId = "b" };

        Assert.Equal(NaturalKey.For(viaEvent), NaturalKey.For(viaSunco));
    }

    [Fact]
    public void An_agent_reply_without_the_agent_does_not_shadow_the_one_that_names_the_agent()
    {
        var anonymous = new HelpdeskEvent { Source = "zendesk-messaging", Kind = HelpdeskEventKind.ChatAgentReplied, OccurredAt = At, ConversationId = "c1", MessageId = "m1", SourceEventId = "b" };
        var named = anonymous with { Source = "zendesk", AgentId = "9001", SourceEventId = "a" };

        Assert.NotEqual(NaturalKey.For(anonymous), NaturalKey.For(named));
    }

    [Fact]
    public void Chat_starts_and_ends_from_messaging_share_one_scope_per_conversation_keyed_by_kind()
    {
        var created = new HelpdeskEvent { Source = "zendesk-messaging", Kind = HelpdeskEventKind.ChatStarted, OccurredAt = At, ConversationId = "c1", SourceEventId = "e1" };
        var resolved = created with { Kind = HelpdeskEventKind.ChatResolved, OccurredAt = At.AddMinutes(20), SourceEventId = "e2" };
        var scope = SequenceKey.Scope(created)!;

        Assert.Equal(scope, SequenceKey.Scope(resolved));
        Assert.Equal("|ChatStarted", SequenceKey.FingerprintOf(NaturalKey.For(created), scope));
        Assert.Equal("|ChatResolved", SequenceKey.FingerprintOf(NaturalKey.For(resolved), scope));
        Assert.Equal(SequenceKey.ChatSessionWindow, SequenceKey.Window(created));
    }

    [Fact]
    public void Freshdesk_keys_are_scoped_per_ticket_and_stamped_so_retries_can_be_found_by_range()
    {
        var e = new HelpdeskEvent { Source = "freshdesk", Kind = HelpdeskEventKind.TicketSolved, OccurredAt = At, TicketId = "24", AgentId = "a@example.no" };
        var scope = SequenceKey.Scope(e)!;
        var key = NaturalKey.For(e);

        Assert.Equal("freshdesk|t:24|", scope);
        Assert.Equal(SequenceKey.FreshdeskRetryWindow, SequenceKey.Window(e));
        Assert.StartsWith(scope + "20261120101542000|TicketSolved|", key, StringComparison.Ordinal);
        Assert.Equal(SequenceKey.FingerprintOf(key, scope), SequenceKey.FingerprintOf(NaturalKey.For(e with { OccurredAt = At.AddMinutes(30) }), scope));
        Assert.NotEqual(SequenceKey.FingerprintOf(key, scope), SequenceKey.FingerprintOf(NaturalKey.For(e with { AgentId = "b@example.no" }), scope));
        Assert.NotEqual(SequenceKey.FingerprintOf(key, scope), SequenceKey.FingerprintOf(NaturalKey.For(e with { Kind = HelpdeskEventKind.TicketReopened }), scope));
    }

    [Fact]
    public void Polled_freshdesk_ratings_keep_the_ordinary_key()
    {
        var rating = new HelpdeskEvent { Source = "freshdesk", Kind = HelpdeskEventKind.SatisfactionRated, OccurredAt = At, TicketId = "24", Rating = SatisfactionRating.Good, SourceEventId = "43006810853" };

        Assert.Null(SequenceKey.Scope(rating));
        Assert.StartsWith("freshworks|SatisfactionRated|t:24|", NaturalKey.For(rating), StringComparison.Ordinal);
    }
}
