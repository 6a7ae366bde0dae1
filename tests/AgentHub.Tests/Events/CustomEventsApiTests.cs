using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.TestSupport;
using static HelpdeskGamify.AgentHub.Tests.Events.EventsApiClient;

namespace HelpdeskGamify.AgentHub.Tests.Events;

public sealed class CustomEventsApiTests : IDisposable
{
    private static readonly string At = "2026-11-20T10:15:00Z";
    private readonly GameHost _host = new();

    [Fact]
    public async Task Batch_with_duplicates_and_an_invalid_event_answers_per_event_and_scores_each_fact_once()
    {
        await _host.CreateZendeskTenantAsync("acme");
        var (_, key) = await CreateKeyAsync(_host, "acme");
        var batch = new
        {
            events = new object[]
            {
                new { id = "rev-1", type = "review.posted", customerId = "c1", customerName = "Ada", occurredAt = At, attributes = new { rating = 5 } },
                new { id = "rev-1", type = "review.posted", customerId = "c1", occurredAt = At, attributes = new { rating = 5 } },
                new { type = "survey.completed", customerId = "c1", occurredAt = At },
                new { type = "visit.completed", customerId = "c1", occurredAt = At, attributes = new { locaton = "Oslo" } },
            },
        };

        using var response = await PostAsync(_host, "acme", key, batch);

        Assert.Equal((HttpStatusCode)207, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([2, 1, 1], [answer.GetProperty("accepted").GetInt32(), answer.GetProperty("duplicates").GetInt32(), answer.GetProperty("rejected").GetInt32()]);
        var statuses = answer.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()).ToList();
        Assert.Equal(["accepted", "duplicate", "accepted", "rejected"], statuses);
        var errors = answer.GetProperty("results")[3].GetProperty("errors");
        Assert.Contains("Unknown attribute", errors.GetProperty("attributes.locaton")[0].GetString());

        await GameHost.WaitUntilAsync(async () => (await RuleEntriesAsync(_host, "acme", "c1")).Count == 2, what: "the review and the survey scored");
        using var again = await PostAsync(_host, "acme", key, batch);
        var second = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, second.GetProperty("accepted").GetInt32());
        Assert.Equal(3, second.GetProperty("duplicates").GetInt32());
        await Task.Delay(300);
        Assert.Equal([("customer.review", 20), ("customer.survey", 10)], await RuleEntriesAsync(_host, "acme", "c1"));
        Assert.Equal("Ada", (await CustomerAsync(_host, "acme", "c1"))!.Value.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Idempotent_retry_replays_the_first_answer_and_a_reused_key_with_another_body_is_refused()
    {
        await _host.CreateZendeskTenantAsync("acme");
        var (_, key) = await CreateKeyAsync(_host, "acme");
        var purchase = new { type = "purchase.completed", customerId = "c7", occurredAt = At, attributes = new { amount = 150.5, currency = "EUR" } };

        using var first = await PostAsync(_host, "acme", key, purchase, idempotencyKey: "order-42");
        using var retry = await PostAsync(_host, "acme", key, purchase, idempotencyKey: "order-42");
        using var reused = await PostAsync(_host, "acme", key, purchase with { customerId = "c8" }, idempotencyKey: "order-42");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
        await GameHost.WaitUntilAsync(async () => (await RuleEntriesAsync(_host, "acme", "c7")).Count == 2, what: "10 + 25 for a purchase of 150.5");
        Assert.Equal([("customer.large-purchase", 25), ("customer.purchase-completed", 10)], await RuleEntriesAsync(_host, "acme", "c7"));
        Assert.Null(await CustomerAsync(_host, "acme", "c8"));
    }

    [Fact]
    public async Task Key_of_one_tenant_is_refused_on_another_and_a_revoked_key_at_once()
    {
        await _host.CreateZendeskTenantAsync("acme");
        await _host.CreateZendeskTenantAsync("globex");
        var (id, key) = await CreateKeyAsync(_host, "acme");
        var visit = new { type = "visit.completed", customerId = "c1", occurredAt = At };

        using var elsewhere = await PostAsync(_host, "globex", key, visit);
        using var home = await PostAsync(_host, "acme", key, visit);
        using var admin = _host.AdminClient();
        (await admin.DeleteAsync($"/api/admin/tenants/acme/api-keys/{id}")).EnsureSuccessStatusCode();
        using var revoked = await PostAsync(_host, "acme", key, visit with { customerId = "c2" });
        using var forged = await PostAsync(_host, "acme", "hgk_" + new string('x', 43), visit);
        var agentToken = await _host.TokenAsync("acme", "agent", "9001");
        using var agentPost = await PostAsync(_host, "acme", agentToken, visit);

        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agentPost.StatusCode);
        var listed = await admin.GetStringAsync("/api/admin/tenants/acme/api-keys");
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        Assert.Contains(key[..12], listed, StringComparison.Ordinal);
        Assert.Contains("revokedAt\":\"", listed, StringComparison.Ordinal);
        await using var connection = await _host.Service<HelpdeskGamify.Connector.Storage.Database>().OpenAsync();
        var stored = await Dapper.SqlMapper.QuerySingleAsync<string>(connection, "SELECT key_hash FROM api_keys");
        Assert.NotEqual(key, stored);
        Assert.Equal(64, stored.Length);
    }

    [Fact]
    public async Task Tenant_defined_type_refuses_a_misspelt_attribute_naming_it()
    {
        await _host.CreateZendeskTenantAsync("acme");
        var (_, key) = await CreateKeyAsync(_host, "acme");
        using var admin = _host.AdminClient();
        using var defined = await admin.PutAsJsonAsync("/api/admin/tenants/acme/event-types/workshop.attended", new
        {
            attributes = new Dictionary<string, object>
            {
                ["topic"] = new { type = "string", required = true },
                ["hours"] = new { type = "number" },
                ["certified"] = new { type = "boolean" },
            },
        });
        Assert.Equal(HttpStatusCode.Created, defined.StatusCode);

        using var typo = await PostAsync(_host, "acme", key, new { type = "workshop.attended", customerId = "c1", occurredAt = At, attributes = new { topic = "CX", hour = 2 } });
        using var wrongType = await PostAsync(_host, "acme", key, new { type = "workshop.attended", customerId = "c1", occurredAt = At, attributes = new { topic = "CX", certified = "yes" } });
        using var unknown = await PostAsync(_host, "acme", key, new { type = "workshop.atended", customerId = "c1", occurredAt = At });
        using var good = await PostAsync(_host, "acme", key, new { type = "workshop.attended", agentId = "9001", occurredAt = At, attributes = new { topic = "CX", hours = 2, certified = true } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, typo.StatusCode);
        var typoErrors = (await typo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(typoErrors.TryGetProperty("attributes.hour", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongType.StatusCode);
        Assert.Contains("boolean", (await wrongType.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("attributes.certified")[0].GetString());
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("type", out _));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var types = await admin.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/event-types");
        Assert.Equal("workshop.attended", types.GetProperty("tenant")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Bodies_that_are_not_json_too_large_or_too_many_events_are_refused_with_problems()
    {
        await _host.CreateZendeskTenantAsync("acme");
        var (_, key) = await CreateKeyAsync(_host, "acme");
        using var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);

        using var text = await client.PostAsync("/api/tenants/acme/events", new StringContent("type=visit", System.Text.Encoding.UTF8, "text/plain"));
        using var huge = await client.PostAsync("/api/tenants/acme/events", new StringContent(new string(' ', 5 * 1024 * 1024 + 1), System.Text.Encoding.UTF8, "application/json"));
        using var many = await PostAsync(_host, "acme", key, new { events = Enumerable.Range(0, 1001).Select(i => new { type = "visit.completed", customerId = "c" + i, occurredAt = At }) });
        using var broken = await client.PostAsync("/api/tenants/acme/events", new StringContent("{\"type\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, many.StatusCode);
        Assert.True((await many.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("events", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        await using var connection = await _host.Service<HelpdeskGamify.Connector.Storage.Database>().OpenAsync();
        Assert.Equal(0, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM inbox"));
    }

    [Fact]
    public async Task Acknowledged_events_survive_a_restart_and_are_scored_exactly_once()
    {
        var data = Path.Combine(Path.GetTempPath(), "helpdeskgamify-tests", Guid.NewGuid().ToString("n"));
        var settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = data };
        try
        {
            string key;
            using (var first = new GameHost(settings))
            {
                await first.CreateZendeskTenantAsync("acme");
                (_, key) = await CreateKeyAsync(first, "acme");
                var batch = new { events = Enumerable.Range(0, 300).Select(i => new { id = "v" + i, type = "visit.completed", customerId = "c" + (i % 3), occurredAt = At }) };
                using var response = await PostAsync(first, "acme", key, batch);
                Assert.Equal(300, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
            }
            using var second = new GameHost(settings);
            using var again = await PostAsync(second, "acme", key, new { id = "v7", type = "visit.completed", customerId = "c1", occurredAt = At });
            Assert.Equal(1, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicates").GetInt32());
            foreach (var c in new[] { "c0", "c1", "c2" })
            {
                await GameHost.WaitUntilAsync(async () => (await RuleEntriesAsync(second, "acme", c)).Count >= 100, what: c + "'s 100 visits");
            }
            await Task.Delay(300);
            var visits = await RuleEntriesAsync(second, "acme", "c1");
            Assert.Equal(100, visits.Count);
            Assert.All(visits, v => Assert.Equal(("customer.visit-completed", 5), v));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder; not worth failing the test for.
            }
        }
    }

    public void Dispose() => _host.Dispose();
}
