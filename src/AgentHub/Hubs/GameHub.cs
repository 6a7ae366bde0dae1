using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.AgentHub.Observability;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace HelpdeskGamify.AgentHub.Hubs;

/// <summary>
/// The live channel. Thin on purpose: it places a connection in its tenant's, its team's and its
/// person's groups and answers one catch-up question after a reconnect; everything else it
/// receives is pushed by domain code through <see cref="IHubContext{THub,T}"/>.
/// </summary>
[Authorize(Policy = Policies.TenantMember)]
public sealed class GameHub(HubMembership membership, CatchUpReader catchUp) : Hub<IGameClient>
{
    /// <inheritdoc />
    public override async Task OnConnectedAsync()
    {
        var groups = await membership.GroupsForAsync(Context.User!, Context.ConnectionAborted);
        if (groups.Count == 0)
        {
            // The admin key has no tenant; it has nothing to listen to here.
            Context.Abort();
            return;
        }
        foreach (var group in groups)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }
        var tenant = Context.User!.TenantId() ?? "";
        var role = Context.User!.Role() ?? "";
        HubMetrics.Connected(tenant, role);
        Context.Items[CountedKey] = (tenant, role);
        await base.OnConnectedAsync();
    }

    /// <summary>What the caller missed since ledger entry <paramref name="lastLedgerId"/>, and the board as it is now.</summary>
    public Task<CatchUp> CatchUp(long lastLedgerId, string? period) =>
        catchUp.ReadAsync(Context.User!, lastLedgerId, period ?? "week", Context.ConnectionAborted);

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(CountedKey, out var counted) && counted is (string tenant, string role))
        {
            HubMetrics.Disconnected(tenant, role);
        }
        return base.OnDisconnectedAsync(exception);
    }

    private const string CountedKey = "helpdeskgamify.counted";
}
