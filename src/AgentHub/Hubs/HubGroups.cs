namespace HelpdeskGamify.AgentHub.Hubs;

/// <summary>Hub group names. Every name starts with the tenant, so no push can cross tenants.</summary>
public static class HubGroups
{
    /// <summary>Everyone of a tenant.</summary>
    public static string Tenant(string tenantId) => $"t:{tenantId}";

    /// <summary>One person (agent or customer) of a tenant.</summary>
    public static string Person(string tenantId, string kind, string participantId) => $"t:{tenantId}:{kind}:{participantId}";

    /// <summary>The agents of one team (helpdesk group) of a tenant.</summary>
    public static string Team(string tenantId, string team) => $"t:{tenantId}:team:{team}";

    /// <summary>The team leads of a tenant.</summary>
    public static string Leads(string tenantId) => $"t:{tenantId}:leads";
}
