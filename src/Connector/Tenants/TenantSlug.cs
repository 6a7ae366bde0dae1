using System.Text.RegularExpressions;

namespace HelpdeskGamify.Connector.Tenants;

/// <summary>The shape of a tenant id in every route: <c>[a-z0-9-]{1,40}</c>.</summary>
public static partial class TenantSlug
{
    /// <summary>Whether <paramref name="value"/> is a well-formed tenant slug.</summary>
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9-]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
