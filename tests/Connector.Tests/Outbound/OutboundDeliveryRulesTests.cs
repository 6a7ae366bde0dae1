using System.Net;
using HelpdeskGamify.Connector.Outbound;

namespace HelpdeskGamify.Connector.Tests.Outbound;

public sealed class OutboundDeliveryRulesTests
{
    [Fact]
    public void Signature_matches_a_known_vector()
    {
        // Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'secret'
        var header = WebhookSignature.Sign("secret", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), """{"a":1}""");
        Assert.Equal("t=1700000000,v1=" + Expected, header);
    }

    private const string Expected = "49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686";

    [Fact]
    public void Negative_entries_are_clawbacks_and_empty_ones_are_not_sent()
    {
        static Connector.Scoring.PointsAwarded Entry(int points) => new("acme", "agent", "a1", 1, points, "quality", "r", "42", 10, 0);
        var events = AwardOutbox.Events(new Connector.Scoring.ScoringOutcome([Entry(15), Entry(-10), Entry(0)], [])).ToList();
        Assert.Equal([OutboundEventTypes.PointsAwarded, OutboundEventTypes.PointsClawedBack], events.Select(e => e.EventType));
        Assert.All(events, e => Assert.Equal("acme", e.TenantId));
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 2000)]
    [InlineData(5, 16000)]
    [InlineData(30, 60000)]
    public void Backoff_doubles_up_to_the_cap_with_twenty_percent_jitter(int attempt, double expectedMs)
    {
        var low = RetrySchedule.Delay(attempt, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 0).TotalMilliseconds;
        var high = RetrySchedule.Delay(attempt, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 0.999999).TotalMilliseconds;
        Assert.Equal(expectedMs * 0.8, low, 3);
        Assert.Equal(expectedMs * 1.2, high, 1);
    }

    [Fact]
    public void Default_schedule_keeps_retrying_for_more_than_a_day()
    {
        var options = new OutboundWebhookOptions();
        Assert.True(options.RetryWindow >= TimeSpan.FromHours(24));
        var attempts = 0;
        var elapsed = TimeSpan.Zero;
        while (elapsed < TimeSpan.FromHours(24))
        {
            attempts++;
            elapsed += RetrySchedule.Delay(attempts, options.RetryBaseDelay, options.MaxRetryDelay, 0.5);
        }
        Assert.InRange(attempts, 20, 40);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("2606:4700:4700::1111", false)]
    public void Private_network_guard_knows_internal_addresses(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, PrivateNetworkGuard.IsPrivate(IPAddress.Parse(address)));
}
