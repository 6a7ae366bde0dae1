using System.Text;
using HelpdeskGamify.Connector.CustomEvents;
using HelpdeskGamify.Connector.Events;

namespace HelpdeskGamify.Connector.Tests.CustomEvents;

public sealed class CustomEventParserTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private static ParsedEvents Parse(string json) => CustomEventParser.Parse(Encoding.UTF8.GetBytes(json), BuiltInEventTypes.All, Now);

    [Fact]
    public void Single_event_becomes_a_custom_helpdesk_event()
    {
        var parsed = Parse("""{"id": 17, "type": "review.posted", "customerId": "c1", "customerName": "Ada", "occurredAt": "2026-11-20T10:15:00+01:00", "attributes": {"rating": 4}}""");
        Assert.False(parsed.IsBatch);
        var e = Assert.Single(parsed.Events).Event!;
        Assert.Equal((HelpdeskEventKind.ReviewCompleted, "review.posted", "api", "17", "c1", "Ada"), (e.Kind, e.EventType, e.Source, e.SourceEventId, e.CustomerId, e.CustomerName));
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T09:15:00Z", System.Globalization.CultureInfo.InvariantCulture), e.OccurredAt);
        Assert.Equal(4, e.Attributes!["rating"].GetInt32());
    }

    [Theory]
    [InlineData("""{"type": "review.posted", "occurredAt": "2026-11-20T10:15:00Z"}""", "customerId")]
    [InlineData("""{"type": "review.posted", "customerId": "c1"}""", "occurredAt")]
    [InlineData("""{"type": "review.posted", "customerId": "c1", "occurredAt": "2027-01-01T00:00:00Z"}""", "occurredAt")]
    [InlineData("""{"type": "review.postd", "customerId": "c1", "occurredAt": "2026-11-20T10:15:00Z"}""", "type")]
    [InlineData("""{"type": "review.posted", "customer": "c1", "customerId": "c1", "occurredAt": "2026-11-20T10:15:00Z"}""", "customer")]
    [InlineData("""{"type": "review.posted", "customerId": "c1", "occurredAt": "2026-11-20T10:15:00Z", "attributes": {"rating": "five"}}""", "attributes.rating")]
    [InlineData("""{"type": "purchase.completed", "customerId": "c1", "occurredAt": "2026-11-20T10:15:00Z"}""", "attributes.amount")]
    public void Invalid_event_names_the_field(string json, string field)
    {
        var parsed = Assert.Single(Parse(json).Events);
        Assert.Null(parsed.Event);
        Assert.Contains(field, parsed.Errors.Keys);
    }

    [Fact]
    public void Batches_keep_their_indexes_and_refuse_more_than_a_thousand()
    {
        var parsed = Parse("""{"events": [{"type": "visit.completed", "agentId": "a1", "occurredAt": "2026-11-20T10:15:00Z"}, 5]}""");
        Assert.True(parsed.IsBatch);
        Assert.NotNull(parsed.Events[0].Event);
        Assert.Equal(1, parsed.Events[1].Index);
        Assert.Contains("event", parsed.Events[1].Errors.Keys);
        var tooMany = "[" + string.Join(',', Enumerable.Repeat("{}", 1001)) + "]";
        Assert.Equal("events", Assert.Throws<CustomEventBodyException>(() => Parse(tooMany)).Field);
        Assert.Equal("body", Assert.Throws<CustomEventBodyException>(() => Parse("{not json")).Field);
    }

    [Fact]
    public void Identical_events_without_an_id_share_an_inbox_key_and_different_ones_do_not()
    {
        var a = Parse("""{"type": "visit.completed", "customerId": "c1", "occurredAt": "2026-11-20T10:15:00Z"}""").Events[0];
        var b = Parse("""{ "customerId": "c1", "type": "visit.completed", "occurredAt": "2026-11-20T10:15:00Z" }""").Events[0];
        var c = Parse("""{"type": "visit.completed", "customerId": "c2", "occurredAt": "2026-11-20T10:15:00Z"}""").Events[0];
        Assert.Equal(CustomEventReceiver.ToInboxItem("t", a, Now).DeliveryId, CustomEventReceiver.ToInboxItem("t", b, Now).DeliveryId);
        Assert.NotEqual(CustomEventReceiver.ToInboxItem("t", a, Now).DeliveryId, CustomEventReceiver.ToInboxItem("t", c, Now).DeliveryId);
    }

    [Fact]
    public void Natural_keys_tell_apart_two_visits_in_one_minute_and_stay_within_the_column()
    {
        var first = Parse("""{"type": "visit.completed", "customerId": "c1", "occurredAt": "2026-11-20T10:15:01Z"}""").Events[0].Event!;
        var second = Parse("""{"type": "visit.completed", "customerId": "c1", "occurredAt": "2026-11-20T10:15:02Z"}""").Events[0].Event!;
        var withId = first with { SourceEventId = "v-1" };
        var imported = withId with { Source = "import", CustomerName = "Ada" };
        var huge = first with { SourceEventId = new string('i', 180), CustomerId = new string('c', 200), EventType = new string('t', 100) };

        Assert.NotEqual(NaturalKey.For(first), NaturalKey.For(second));
        Assert.Equal(NaturalKey.For(withId), NaturalKey.For(imported));
        Assert.InRange(NaturalKey.For(huge).Length, 1, 300);
        Assert.NotEqual(NaturalKey.For(huge), NaturalKey.For(huge with { SourceEventId = new string('j', 180) }));
    }
}
