using System.Globalization;
using System.Text;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.Connector.Tests.Ingest;

public sealed class ZendeskSignatureTests
{
    private static readonly IReadOnlyDictionary<string, string> Vector = Fixtures.KeyValues("zendesk/signature-test-vector.txt");
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.Parse(Vector["timestamp"], CultureInfo.InvariantCulture);
    private static byte[] Body => Encoding.UTF8.GetBytes(Vector["body"]);

    [Fact]
    public void Verified_vector_computes_the_published_signature()
    {
        Assert.Equal(Vector["signature"], ZendeskSignature.Compute(Vector["secret"], Vector["timestamp"], Body));
    }

    [Fact]
    public void Verified_vector_is_accepted_within_the_window()
    {
        Assert.True(ZendeskSignature.Verify(Vector["secret"], Vector["timestamp"], Body, Vector["signature"], SignedAt.AddMinutes(4)));
    }

    [Fact]
    public void Tampered_body_is_refused()
    {
        var tampered = Encoding.UTF8.GetBytes(Vector["body"].Replace("123", "124", StringComparison.Ordinal));
        Assert.False(ZendeskSignature.Verify(Vector["secret"], Vector["timestamp"], tampered, Vector["signature"], SignedAt));
    }

    [Fact]
    public void Wrong_secret_is_refused()
    {
        Assert.False(ZendeskSignature.Verify("another-secret", Vector["timestamp"], Body, Vector["signature"], SignedAt));
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public void Timestamp_more_than_five_minutes_away_is_refused(int minutes)
    {
        Assert.False(ZendeskSignature.Verify(Vector["secret"], Vector["timestamp"], Body, Vector["signature"], SignedAt.AddMinutes(minutes)));
    }

    [Fact]
    public void Timestamp_is_part_of_what_is_signed()
    {
        var otherTimestamp = SignedAt.AddSeconds(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        Assert.False(ZendeskSignature.Verify(Vector["secret"], otherTimestamp, Body, Vector["signature"], SignedAt));
    }

    [Theory]
    [InlineData(null, "sig")]
    [InlineData("2021-03-25T05:09:27Z", null)]
    [InlineData("not a time", "S/RDdU2ERmj7LHDDoWJ2onPYH+t7/f2+LTM4dL7UiLM=")]
    [InlineData("2021-03-25T05:09:27Z", "")]
    public void Missing_or_malformed_headers_are_refused(string? timestamp, string? signature)
    {
        Assert.False(ZendeskSignature.Verify(Vector["secret"], timestamp, Body, signature, SignedAt));
    }
}
