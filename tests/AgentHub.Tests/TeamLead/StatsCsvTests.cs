using HelpdeskGamify.AgentHub.TeamLead.Stats;

namespace HelpdeskGamify.AgentHub.Tests.TeamLead;

public sealed class StatsCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("=cmd|' /C calc'!A0,", "\"'=cmd|' /C calc'!A0,\"")]
    [InlineData("", "")]
    public void Text_cells_are_quoted_and_defused(string value, string expected) => Assert.Equal(expected, StatsCsv.Text(value));

    [Fact]
    public void Median_of_even_and_odd_counts_ignores_unknown_values()
    {
        Assert.Equal(2.5, AgentStatsCalculator.Median([1, 4, null, 3, 2]));
        Assert.Equal(3, AgentStatsCalculator.Median([5, 3, 1]));
        Assert.Null(AgentStatsCalculator.Median([null]));
    }

    [Fact]
    public void Durations_give_medians_and_reopened_tickets_are_not_first_contact_resolutions()
    {
        var t0 = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
        var facts = new[]
        {
            Fact(Connector.Events.HelpdeskEventKind.TicketSolved, "1", t0, firstReply: 60, resolution: 600),
            Fact(Connector.Events.HelpdeskEventKind.TicketSolved, "2", t0.AddHours(1), firstReply: 180, resolution: 1800),
            Fact(Connector.Events.HelpdeskEventKind.TicketSolved, "3", t0.AddHours(2), firstReply: 120, resolution: 1200),
            Fact(Connector.Events.HelpdeskEventKind.TicketReopened, "2", t0.AddHours(3)),
        };

        var stats = Assert.Single(AgentStatsCalculator.Compute([], facts, [], t0.AddDays(1).ToUnixTimeMilliseconds()));

        Assert.Equal(3, stats.Solved);
        Assert.Equal(2, stats.FirstReplyMedianMinutes);
        Assert.Equal(20, stats.ResolutionMedianMinutes);
        Assert.Equal(66.7, stats.FirstContactResolutionPercent);
    }

    private static InboxFact Fact(Connector.Events.HelpdeskEventKind kind, string ticket, DateTimeOffset at, long? firstReply = null, long? resolution = null) => new()
    {
        Kind = kind.ToString(),
        OccurredAtMs = at.ToUnixTimeMilliseconds(),
        EventJson = Connector.Events.EventJson.Serialize(new Connector.Events.HelpdeskEvent
        {
            Source = "zendesk", Kind = kind, OccurredAt = at, TicketId = ticket, AgentId = "9001",
            FirstReplySeconds = firstReply, ResolutionSeconds = resolution,
        }),
    };
}
