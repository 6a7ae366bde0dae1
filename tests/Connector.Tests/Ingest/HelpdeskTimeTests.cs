using HelpdeskGamify.Connector.Ingest;

namespace HelpdeskGamify.Connector.Tests.Ingest;

public sealed class HelpdeskTimeTests
{
    [Theory]
    [InlineData("2025-02-11T14:32:05.254571515Z", 2025, 2, 11, 14, 32, 5)]
    [InlineData("2024-03-06T08:30Z", 2024, 3, 6, 8, 30, 0)]
    [InlineData("2024-03-06T08:30:00+02:00", 2024, 3, 6, 6, 30, 0)]
    [InlineData("2021-03-25T05:09:27Z", 2021, 3, 25, 5, 9, 27)]
    public void Reads_helpdesk_timestamps_as_utc(string text, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.True(HelpdeskTime.TryParse(text, out var parsed));
        Assert.Equal(new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc), parsed.UtcDateTime.AddTicks(-(parsed.UtcDateTime.Ticks % TimeSpan.TicksPerSecond)));
        Assert.Equal(TimeSpan.Zero, parsed.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData(null)]
    public void Refuses_what_is_not_a_timestamp(string? text)
    {
        Assert.False(HelpdeskTime.TryParse(text, out _));
    }
}
