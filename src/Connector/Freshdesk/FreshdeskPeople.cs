using System.Globalization;
using HelpdeskGamify.Connector.HelpdeskApi;

namespace HelpdeskGamify.Connector.Freshdesk;

/// <summary>
/// Turns Freshdesk user ids into the ids the webhooks use: agents and requesters are known by
/// their lower-cased e-mail address (the automation template carries no ids), or by the numeric
/// id when Freshdesk has no address. Caches per run, so one backfill asks for each person once.
/// </summary>
internal sealed class FreshdeskPeople(FreshdeskApiClient client)
{
    private Dictionary<long, FdContact?>? _agents;
    private readonly Dictionary<long, FdContact?> _contacts = [];

    public static string IdOf(FdContact? contact, long id) =>
        FreshdeskIdentity.FromEmail(contact?.Email) ?? id.ToString(CultureInfo.InvariantCulture);

    public async Task<(string? Id, string? Name)> AgentAsync(long? id, CancellationToken ct)
    {
        if (id is not { } agentId)
        {
            return (null, null);
        }
        if (_agents is null)
        {
            _agents = [];
            await foreach (var agent in client.AgentsAsync(ct))
            {
                _agents[agent.Id] = agent.Contact;
            }
        }
        var contact = _agents.GetValueOrDefault(agentId);
        return (IdOf(contact, agentId), contact?.Name);
    }

    /// <summary>The agent's id and name when <paramref name="userId"/> is an agent's, else null (customers write conversations too).</summary>
    public async Task<(string Id, string? Name)?> AgentOrNullAsync(long userId, CancellationToken ct)
    {
        var (id, name) = await AgentAsync(userId, ct);
        return _agents!.ContainsKey(userId) ? (id!, name) : null;
    }

    public async Task<(string? Id, string? Name)> CustomerAsync(long? id, FdContact? embedded, CancellationToken ct)
    {
        if (id is not { } contactId)
        {
            return (null, null);
        }
        if (embedded is not null)
        {
            _contacts[contactId] = embedded;
        }
        if (!_contacts.TryGetValue(contactId, out var contact))
        {
            try
            {
                contact = await client.ContactAsync(contactId, ct);
            }
            catch (HelpdeskApiException ex) when (ex.Status == 404)
            {
                contact = null; // deleted since: keep the numeric id
            }
            _contacts[contactId] = contact;
        }
        return (IdOf(contact, contactId), contact?.Name);
    }
}
