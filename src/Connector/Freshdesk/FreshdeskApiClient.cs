using System.Globalization;
using System.Runtime.CompilerServices;
using Flurl.Http;
using HelpdeskGamify.Connector.HelpdeskApi;
using Microsoft.AspNetCore.WebUtilities;
using Newtonsoft.Json.Linq;

namespace HelpdeskGamify.Connector.Freshdesk;

/// <summary>
/// The Freshdesk v2 REST calls we make, and nothing else: the only place that speaks Flurl to
/// Freshdesk. Authenticates with the API key as the Basic user; lists page with <c>page</c> and
/// <c>per_page</c> and announce the next page in a <c>Link</c> header. Only the page number is
/// taken from that link, so credentials never follow a link to another host.
/// </summary>
public sealed class FreshdeskApiClient
{
    private const string Provider = "Freshdesk";
    private readonly IFlurlClient _client;
    private readonly string _apiKey;
    private readonly int _pageSize;
    private readonly HelpdeskHttp _http;

    internal FreshdeskApiClient(IFlurlClient client, string apiKey, int pageSize, HelpdeskHttp http)
    {
        _client = client;
        _apiKey = apiKey;
        _pageSize = pageSize;
        _http = http;
    }

    private IFlurlRequest Request(params object[] segments) =>
        _client.Request(segments).WithBasicAuth(_apiKey, "X").WithHeader("Accept", "application/json");

    private async Task<JToken> SendAsync(string label, Func<IFlurlRequest> build, HttpMethod method, object? body, CancellationToken ct)
    {
        var response = await _http.SendAsync(label, build, method, body, ct);
        return response.Body.Length == 0 ? new JObject() : ApiJson.Parse(response.Body, Provider, label);
    }

    /// <summary>Every item of a list, following <c>Link: rel="next"</c> page by page.</summary>
    private async IAsyncEnumerable<T> ListAsync<T>(string label, Func<IFlurlRequest> build, [EnumeratorCancellation] CancellationToken ct)
    {
        var page = 1;
        while (true)
        {
            var current = page;
            var response = await _http.SendAsync(label, () => build().SetQueryParam("per_page", _pageSize).SetQueryParam("page", current),
                HttpMethod.Get, null, ct);
            foreach (var item in ApiJson.Items<T>(ApiJson.Parse(response.Body, Provider, label), null))
            {
                yield return item;
            }
            var next = response.NextPage is null ? null : QueryHelpers.ParseQuery(response.NextPage.Query).GetValueOrDefault("page").ToString();
            if (!int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out var nextPage) || nextPage <= current)
            {
                yield break;
            }
            page = nextPage;
        }
    }

    /// <summary>The agent the API key belongs to (proves the credentials work).</summary>
    internal async Task<FdAgent> MeAsync(CancellationToken ct) =>
        (await SendAsync("/api/v2/agents/me", () => Request("api", "v2", "agents", "me"), HttpMethod.Get, null, ct)).ToObject<FdAgent>()
        ?? throw new HelpdeskApiException(Provider, "GET", "/api/v2/agents/me", 200, "no agent in the answer");

    internal IAsyncEnumerable<FdAgent> AgentsAsync(CancellationToken ct) =>
        ListAsync<FdAgent>("/api/v2/agents", () => Request("api", "v2", "agents"), ct);

    internal IAsyncEnumerable<FdGroup> GroupsAsync(CancellationToken ct) =>
        ListAsync<FdGroup>("/api/v2/groups", () => Request("api", "v2", "groups"), ct);

    /// <summary>Tickets updated since <paramref name="since"/>, oldest change first, with requester and stats embedded.</summary>
    internal IAsyncEnumerable<FdTicket> TicketsUpdatedSinceAsync(DateTimeOffset since, CancellationToken ct) =>
        ListAsync<FdTicket>("/api/v2/tickets", () => Request("api", "v2", "tickets")
            .SetQueryParam("updated_since", Iso(since))
            .SetQueryParam("include", "requester,stats")
            .SetQueryParam("order_by", "updated_at")
            .SetQueryParam("order_type", "asc"), ct);

    /// <summary>The replies and notes of one ticket (the description is not among them).</summary>
    internal IAsyncEnumerable<FdConversation> ConversationsAsync(long ticketId, CancellationToken ct) =>
        ListAsync<FdConversation>("/api/v2/tickets/{id}/conversations", () => Request("api", "v2", "tickets", Id(ticketId), "conversations"), ct);

    /// <summary>Satisfaction ratings created since <paramref name="since"/>.</summary>
    internal IAsyncEnumerable<FdSatisfactionRating> SatisfactionRatingsAsync(DateTimeOffset since, CancellationToken ct) =>
        ListAsync<FdSatisfactionRating>("/api/v2/surveys/satisfaction_ratings", () => Request("api", "v2", "surveys", "satisfaction_ratings")
            .SetQueryParam("created_since", Iso(since)), ct);

    /// <summary>One contact (customer) by id.</summary>
    internal async Task<FdContact> ContactAsync(long id, CancellationToken ct) =>
        (await SendAsync("/api/v2/contacts/{id}", () => Request("api", "v2", "contacts", Id(id)), HttpMethod.Get, null, ct)).ToObject<FdContact>()
        ?? throw new HelpdeskApiException(Provider, "GET", "/api/v2/contacts/{id}", 200, "no contact in the answer");

    /// <summary>The contacts with this e-mail address (zero or one).</summary>
    internal IAsyncEnumerable<FdContact> ContactsByEmailAsync(string email, CancellationToken ct) =>
        ListAsync<FdContact>("/api/v2/contacts", () => Request("api", "v2", "contacts").SetQueryParam("email", email), ct);

    /// <summary>Replaces a contact's tags (Freshdesk has no "add tags"; callers merge first).</summary>
    internal Task SetContactTagsAsync(long id, IReadOnlyList<string> tags, CancellationToken ct) =>
        SendAsync("/api/v2/contacts/{id}", () => Request("api", "v2", "contacts", Id(id)), HttpMethod.Put, new { tags }, ct);

    /// <summary>Tickets of one requester.</summary>
    internal IAsyncEnumerable<FdTicket> TicketsOfRequesterAsync(long requesterId, CancellationToken ct) =>
        ListAsync<FdTicket>("/api/v2/tickets", () => Request("api", "v2", "tickets").SetQueryParam("requester_id", Id(requesterId)), ct);

    /// <summary>Sets a ticket's priority (1 low, 2 medium, 3 high, 4 urgent).</summary>
    internal Task SetTicketPriorityAsync(long ticketId, int priority, CancellationToken ct) =>
        SendAsync("/api/v2/tickets/{id}", () => Request("api", "v2", "tickets", Id(ticketId)), HttpMethod.Put, new { priority }, ct);

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
