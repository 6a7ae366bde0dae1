using HelpdeskGamify.Connector.Freshdesk;

namespace HelpdeskGamify.Connector.Tests.Freshdesk;

public sealed class FreshdeskIdentityTests
{
    [Theory]
    [InlineData(" Ingrid.Dahl@Example.NO ", "ingrid.dahl@example.no")]
    [InlineData("oleg@example.ru", "oleg@example.ru")]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("Ingrid Dahl", null)]
    [InlineData("@example.no", null)]
    [InlineData("ingrid@", null)]
    [InlineData("a|b@example.no", null)]
    public void Addresses_become_lower_case_ids_and_anything_else_none(string? email, string? expected)
    {
        Assert.Equal(expected, FreshdeskIdentity.FromEmail(email));
    }
}
