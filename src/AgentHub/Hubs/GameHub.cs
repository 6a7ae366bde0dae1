using HelpdeskGamify.AgentHub.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace HelpdeskGamify.AgentHub.Hubs;

/// <summary>
/// The live channel. Thin on purpose: it only places a connection in its tenant's and its
/// person's groups; everything it receives is pushed by domain code through <see cref="IHubContext{THub,T}"/>.
/// </summary>
[Authorize(Policy = Policies.TenantMember)]
public sealed class GameHub : Hub<IGameClient>
{
    /// <inheritdoc />
    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        var tenant = user.TenantId();
        var subject = user.Subject();
        if (tenant is null || subject is null)
        {
            // The admin key has no tenant; it has nothing to listen to here.
            Context.Abort();
            return;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Tenant(tenant));
        var role = user.Role();
        var kind = role == Roles.Customer ? "customer" : "agent";
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Person(tenant, kind, subject));
        if (role == Roles.TeamLead)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Leads(tenant));
        }
        await base.OnConnectedAsync();
    }
}
