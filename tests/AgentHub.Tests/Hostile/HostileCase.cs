using System.Net;

namespace HelpdeskGamify.AgentHub.Tests.Hostile;

/// <summary>What a hostile case may send: the tenant it attacks, its secret, another tenant, fresh ticket ids.</summary>
public sealed class CorpusContext(string tenant, string secret, string otherTenant, string otherSecret)
{
    private int _ticket = 100_000;

    /// <summary>The attacked tenant.</summary>
    public string Tenant { get; } = tenant;

    /// <summary>Its webhook secret.</summary>
    public string Secret { get; } = secret;

    /// <summary>A second tenant with its own secret.</summary>
    public string OtherTenant { get; } = otherTenant;

    /// <summary>The second tenant's secret.</summary>
    public string OtherSecret { get; } = otherSecret;

    /// <summary>A ticket id no other case used.</summary>
    public string NextTicket() => Interlocked.Increment(ref _ticket).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// One hostile request and the answers allowed for it. Anything but 200 must be a problem+json;
/// 422 must leave exactly one dead letter; nothing else may store anything. A case whose build
/// returns null does not apply to the route (a timestamp attack on a route without timestamps).
/// </summary>
public sealed record HostileCase(string Name, Func<WebhookRoute, CorpusContext, HttpRequestMessage?> Build, params HttpStatusCode[] Allowed)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
