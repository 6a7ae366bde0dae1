using System.Globalization;
using System.Runtime.CompilerServices;
using Flurl.Http;
using HelpdeskGamify.Connector.HelpdeskApi;
using Newtonsoft.Json.Linq;

namespace HelpdeskGamify.Connector.Zendesk;

/// <summary>
/// The Zendesk REST calls we make, and nothing else: the only place that speaks Flurl to Zendesk.
/// Authenticates with an API token (<c>{email}/token</c>); lists use cursor pagination
/// (<c>page[size]</c>, <c>meta.after_cursor</c>), the ticket export uses its own cursor.
/// </summary>
public sealed class ZendeskApiClient
{
    private const string Provider = "Zendesk";
    private readonly IFlurlClient _client;
    private readonly string _user;
    private readonly string _token;
    private readonly int _pageSize;
    private readonly HelpdeskHttp _http;

    internal ZendeskApiClient(IFlurlClient client, string email, string apiToken, int pageSize, HelpdeskHttp http)
    {
        _client = client;
        _user = email + "/token";
        _token = apiToken;
        _pageSize = pageSize;
        _http = http;
    }

    private IFlurlRequest Request(params object[] segments) =>
        _client.Request(segments).WithBasicAuth(_user, _token).WithHeader("Accept", "application/json");

    private async Task<JToken> SendAsync(string label, Func<IFlurlRequest> build, HttpMethod method, object? body, CancellationToken ct)
    {
        var response = await _http.SendAsync(label, build, method, body, ct);
        return response.Body.Length == 0 ? new JObject() : ApiJson.Parse(response.Body, Provider, label);
    }

    /// <summary>Every item of a cursor-paginated list, page by page.</summary>
    private async IAsyncEnumerable<T> ListAsync<T>(string label, string key, Func<IFlurlRequest> build, [EnumeratorCancellation] CancellationToken ct)
    {
        string? after = null;
        do
        {
            var cursor = after;
            var page = await SendAsync(label, () =>
            {
                var r = build().SetQueryParam("page[size]", _pageSize);
                return cursor is null ? r : r.SetQueryParam("page[after]", cursor);
            }, HttpMethod.Get, null, ct);
            foreach (var item in ApiJson.Items<T>(page, key))
            {
                yield return item;
            }
            var hasMore = page["meta"]?["has_more"]?.Value<bool>() ?? false;
            after = hasMore ? page["meta"]?["after_cursor"]?.Value<string>() : null;
        }
        while (after is not null);
    }

    /// <summary>The API user (proves the credentials work).</summary>
    internal async Task<ZdUser> MeAsync(CancellationToken ct) =>
        ApiJson.Item<ZdUser>(await SendAsync("/api/v2/users/me", () => Request("api", "v2", "users", "me"), HttpMethod.Get, null, ct), "user")
        ?? throw new HelpdeskApiException(Provider, "GET", "/api/v2/users/me", 200, "no user in the answer");

    /// <summary>Agents and admins.</summary>
    internal async IAsyncEnumerable<ZdUser> AgentsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var role in new[] { "agent", "admin" })
        {
            await foreach (var user in ListAsync<ZdUser>("/api/v2/users", "users", () => Request("api", "v2", "users").SetQueryParam("role", role), ct))
            {
                yield return user;
            }
        }
    }

    internal IAsyncEnumerable<ZdGroup> GroupsAsync(CancellationToken ct) =>
        ListAsync<ZdGroup>("/api/v2/groups", "groups", () => Request("api", "v2", "groups"), ct);

    internal IAsyncEnumerable<ZdGroupMembership> GroupMembershipsAsync(CancellationToken ct) =>
        ListAsync<ZdGroupMembership>("/api/v2/group_memberships", "group_memberships", () => Request("api", "v2", "group_memberships"), ct);

    internal IAsyncEnumerable<ZdWebhook> WebhooksAsync(CancellationToken ct) =>
        ListAsync<ZdWebhook>("/api/v2/webhooks", "webhooks", () => Request("api", "v2", "webhooks"), ct);

    /// <summary>Creates a webhook; returns its id.</summary>
    internal async Task<string> CreateWebhookAsync(string name, string endpoint, IReadOnlyList<string> subscriptions, CancellationToken ct)
    {
        var body = new { webhook = new { name, endpoint, http_method = "POST", request_format = "json", status = "active", subscriptions } };
        var answer = await SendAsync("/api/v2/webhooks", () => Request("api", "v2", "webhooks"), HttpMethod.Post, body, ct);
        return ApiJson.Item<ZdWebhook>(answer, "webhook")?.Id
            ?? throw new HelpdeskApiException(Provider, "POST", "/api/v2/webhooks", 201, "no webhook id in the answer");
    }

    /// <summary>Sets a webhook active again (Zendesk marks a webhook inactive when an admin pauses it).</summary>
    internal Task ActivateWebhookAsync(string webhookId, CancellationToken ct) =>
        SendAsync("/api/v2/webhooks/{id}", () => Request("api", "v2", "webhooks", webhookId), HttpMethod.Patch,
            new { webhook = new { status = "active" } }, ct);

    /// <summary>The secret Zendesk signs this webhook's requests with.</summary>
    internal async Task<string> SigningSecretAsync(string webhookId, CancellationToken ct)
    {
        const string Label = "/api/v2/webhooks/{id}/signing_secret";
        var answer = await SendAsync(Label, () => Request("api", "v2", "webhooks", webhookId, "signing_secret"), HttpMethod.Get, null, ct);
        return answer["signing_secret"]?["secret"]?.Value<string>()
            ?? throw new HelpdeskApiException(Provider, "GET", Label, 200, "no secret in the answer");
    }

    internal IAsyncEnumerable<ZdTrigger> TriggersAsync(CancellationToken ct) =>
        ListAsync<ZdTrigger>("/api/v2/triggers", "triggers", () => Request("api", "v2", "triggers"), ct);

    /// <summary>Creates a trigger; returns its id.</summary>
    internal async Task<long> CreateTriggerAsync(object trigger, CancellationToken ct)
    {
        var answer = await SendAsync("/api/v2/triggers", () => Request("api", "v2", "triggers"), HttpMethod.Post, new { trigger }, ct);
        return ApiJson.Item<ZdTrigger>(answer, "trigger")?.Id
            ?? throw new HelpdeskApiException(Provider, "POST", "/api/v2/triggers", 201, "no trigger id in the answer");
    }

    /// <summary>
    /// Tickets changed since <paramref name="start"/>, with their metric sets, users and groups
    /// side-loaded, one export page at a time (the export allows 10 requests a minute).
    /// </summary>
    internal async IAsyncEnumerable<ZdExportPage> ExportTicketsAsync(DateTimeOffset start, [EnumeratorCancellation] CancellationToken ct)
    {
        const string Label = "/api/v2/incremental/tickets/cursor.json";
        string? cursor = null;
        while (true)
        {
            var c = cursor;
            var page = await SendAsync(Label, () =>
            {
                var r = Request("api", "v2", "incremental", "tickets", "cursor.json").SetQueryParam("include", "metric_sets,users,groups");
                return c is null
                    ? r.SetQueryParam("start_time", start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
                    : r.SetQueryParam("cursor", c);
            }, HttpMethod.Get, null, ct);
            yield return new ZdExportPage(ApiJson.Items<ZdTicket>(page, "tickets"), ApiJson.Items<ZdMetricSet>(page, "metric_sets"),
                ApiJson.Items<ZdUser>(page, "users"), ApiJson.Items<ZdGroup>(page, "groups"));
            cursor = page["after_cursor"]?.Value<string>();
            if (page["end_of_stream"]?.Value<bool>() != false || cursor is null)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// Ticket updates since <paramref name="start"/> with their child events (status changes, and
    /// comments through the <c>comment_events</c> side-load), one page at a time. The export pages
    /// by time: only the <c>start_time</c> of <c>next_page</c> is taken (credentials never follow a
    /// link), and a page boundary may repeat events, which their natural keys absorb.
    /// </summary>
    internal async IAsyncEnumerable<IReadOnlyList<ZdTicketEvent>> ExportTicketEventsAsync(DateTimeOffset start, [EnumeratorCancellation] CancellationToken ct)
    {
        const string Label = "/api/v2/incremental/ticket_events.json";
        var from = start.ToUnixTimeSeconds();
        while (true)
        {
            var f = from;
            var page = await SendAsync(Label, () => Request("api", "v2", "incremental", "ticket_events.json")
                .SetQueryParam("start_time", f.ToString(CultureInfo.InvariantCulture))
                .SetQueryParam("include", "comment_events"), HttpMethod.Get, null, ct);
            var events = ApiJson.Items<ZdTicketEvent>(page, "ticket_events");
            yield return events;
            var next = page["end_time"]?.Value<long?>() ?? NextStart(page["next_page"]?.Value<string>());
            if (page["end_of_stream"]?.Value<bool>() != false || events.Count == 0 || next is null)
            {
                yield break;
            }
            // Many events in one second could pin the window; move on rather than loop.
            from = next.Value > from ? next.Value : from + 1;
        }
    }

    private static long? NextStart(string? nextPage) =>
        Uri.TryCreate(nextPage, UriKind.Absolute, out var uri)
        && long.TryParse(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).GetValueOrDefault("start_time").ToString(),
            NumberStyles.None, CultureInfo.InvariantCulture, out var at) ? at : null;

    /// <summary>Good and bad ratings received since <paramref name="start"/>.</summary>
    internal IAsyncEnumerable<ZdSatisfactionRating> SatisfactionRatingsAsync(DateTimeOffset start, CancellationToken ct) =>
        ListAsync<ZdSatisfactionRating>("/api/v2/satisfaction_ratings", "satisfaction_ratings", () => Request("api", "v2", "satisfaction_ratings")
            .SetQueryParam("score", "received")
            .SetQueryParam("start_time", start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)), ct);

    /// <summary>The tickets a user requested.</summary>
    internal IAsyncEnumerable<ZdTicket> RequestedTicketsAsync(string userId, CancellationToken ct) =>
        ListAsync<ZdTicket>("/api/v2/users/{id}/tickets/requested", "tickets", () => Request("api", "v2", "users", userId, "tickets", "requested"), ct);

    /// <summary>One user, with their tags.</summary>
    internal async Task<ZdUser> UserAsync(string userId, CancellationToken ct) =>
        ApiJson.Item<ZdUser>(await SendAsync("/api/v2/users/{id}", () => Request("api", "v2", "users", userId), HttpMethod.Get, null, ct), "user")
        ?? throw new HelpdeskApiException(Provider, "GET", "/api/v2/users/{id}", 200, "no user in the answer");

    /// <summary>Adds tags to a user (PUT adds; POST would replace them).</summary>
    internal Task AddUserTagsAsync(string userId, IReadOnlyList<string> tags, CancellationToken ct) =>
        SendAsync("/api/v2/users/{id}/tags", () => Request("api", "v2", "users", userId, "tags"), HttpMethod.Put, new { tags }, ct);

    /// <summary>Sets a ticket's priority and adds tags to it.</summary>
    internal Task UpdateTicketAsync(long ticketId, string priority, IReadOnlyList<string> addTags, CancellationToken ct) =>
        SendAsync("/api/v2/tickets/{id}", () => Request("api", "v2", "tickets", ticketId.ToString(CultureInfo.InvariantCulture)), HttpMethod.Put,
            new { ticket = new { priority, additional_tags = addTags } }, ct);
}
