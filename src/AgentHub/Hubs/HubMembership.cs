using System.Security.Claims;
using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Scoring;

namespace HelpdeskGamify.AgentHub.Hubs;

/// <summary>
/// Which groups a connection joins: its tenant, its person, its team (agents and team leads; from
/// the token's <c>team</c> claim, else the participants table) and, for team leads, the leads.
/// Coarse on purpose: never a group per ticket.
/// </summary>
public sealed class HubMembership(ParticipantStore participants)
{
    /// <summary>The token claim that names the agent's team when the helpdesk app knows it.</summary>
    public const string TeamClaim = "team";

    /// <summary>The group names, or none for a principal that belongs to no tenant.</summary>
    public async Task<IReadOnlyList<string>> GroupsForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var tenant = user.TenantId();
        var subject = user.Subject();
        if (tenant is null || subject is null)
        {
            return [];
        }
        var role = user.Role();
        var kind = role == Roles.Customer ? ParticipantKinds.Customer : ParticipantKinds.Agent;
        var groups = new List<string> { HubGroups.Tenant(tenant), HubGroups.Person(tenant, kind, subject) };
        if (role is Roles.Agent or Roles.TeamLead)
        {
            var team = await TeamOfAsync(user, tenant, subject, ct);
            if (team is not null)
            {
                groups.Add(HubGroups.Team(tenant, team));
            }
        }
        if (role == Roles.TeamLead)
        {
            groups.Add(HubGroups.Leads(tenant));
        }
        return groups;
    }

    /// <summary>The agent's team: the token's claim when present, else what the helpdesk last told us.</summary>
    public async Task<string?> TeamOfAsync(ClaimsPrincipal user, string tenant, string subject, CancellationToken ct)
    {
        var claimed = user.FindFirst(TeamClaim)?.Value;
        if (!string.IsNullOrWhiteSpace(claimed))
        {
            return claimed;
        }
        var person = await participants.FindAsync(tenant, ParticipantKinds.Agent, subject, ct);
        return string.IsNullOrWhiteSpace(person?.Team) ? null : person.Team;
    }
}
