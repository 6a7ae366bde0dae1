using System.Net;
using System.Net.Http.Json;
using HelpdeskGamify.Connector.HelpdeskApi;
using HelpdeskGamify.Connector.Tests.Fakes;
using HelpdeskGamify.Connector.Tests.HelpdeskApi;
using HelpdeskGamify.TestSupport;
using static HelpdeskGamify.Connector.Tests.WriteBack.WriteBackFlow;

namespace HelpdeskGamify.Connector.Tests.WriteBack;

public sealed class PriorityServiceWriteBackTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private ConnectHarness _h = null!;

    public async Task InitializeAsync() => _h = await ConnectHarness.StartAsync(FastSettings);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private void ZendeskCustomerWithTickets()
    {
        _h.Zendesk.Tickets.AddRange([
            new ZdTicketRow(701, "open", 9001, 7001, Now, Now, Priority: "normal"),
            new ZdTicketRow(702, "solved", 9001, 7001, Now, Now, Now, Priority: "low"),
            new ZdTicketRow(703, "new", null, 7001, Now, Now, Priority: "low"),
            new ZdTicketRow(704, "open", 9001, 7002, Now, Now, Priority: "low"),
        ]);
    }

    [Fact]
    public async Task Redeeming_priority_service_tags_the_zendesk_user_and_raises_open_tickets_exactly_once()
    {
        ZendeskCustomerWithTickets();
        await _h.CreateZendeskTenantAsync("acme");
        await PrepareAsync(_h, "acme", "7001");

        var discount = await RedeemAsync(_h, "acme", "7001", "discount");
        var redemption = await RedeemAsync(_h, "acme", "7001");
        using (var admin = _h.Host.AdminClient())
        {
            (await admin.PutAsJsonAsync("/api/admin/tenants/acme/rewards/vip-lane", new { name = "VIP lane", kind = "priority_service", cost = 1000 })).EnsureSuccessStatusCode();
        }
        using (var customer = _h.Host.ClientWithToken(_h.Host.Service<AgentHub.Auth.TokenIssuer>().Issue("acme", AgentHub.Auth.Roles.Customer, "7001")))
        {
            using var refused = await customer.PostAsJsonAsync("/api/tenants/acme/customers/7001/redemptions", new { rewardId = "vip-lane" });
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode); // rolled back: no job either
        }

        var job = await WaitForJobAsync(_h, "acme", redemption, "succeeded");
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        Assert.True(job.GetProperty("customerTagged").GetBoolean());
        Assert.Equal(2, job.GetProperty("ticketsRaised").GetInt32());
        Assert.Equal("prioritize_customer", job.GetProperty("action").GetString());
        Assert.Equal("7001", job.GetProperty("customerId").GetString());
        Assert.Empty(await JobsAsync(_h, "acme", discount)); // only priority service writes back
        Assert.Single(await JobsAsync(_h, "acme"));
        Assert.Single(_h.Zendesk.To("PUT", "/api/v2/users/7001/tags"));
        Assert.Equal(["priority_service"], _h.Zendesk.UserTags["7001"]);
        Assert.Equal([701L, 703L], _h.Zendesk.TicketUpdates.Select(u => u.TicketId).Order());
        Assert.Equal(["high", "high"], _h.Zendesk.TicketUpdates.Select(u => u.Body["ticket"]!["priority"]!.GetValue<string>()));

        // Once settled, a job is never run again.
        await _h.Host.Service<Connector.WriteBack.WriteBackWorker>().RunOnceAsync(CancellationToken.None);
        Assert.Single(_h.Zendesk.To("PUT", "/api/v2/users/7001/tags"));
        Assert.Equal(2, _h.Zendesk.TicketUpdates.Count);
    }

    [Fact]
    public async Task Redeeming_priority_service_tags_the_freshdesk_contact_and_raises_open_tickets_exactly_once()
    {
        _h.Freshdesk.Contacts.Add(new FdContactRow(801, "Kari Nordmann", "kari@customer.example", ["vip"]));
        _h.Freshdesk.Tickets.AddRange([
            new FdTicketRow(1001, 2, 501, 801, Now, Now, Priority: 1),
            new FdTicketRow(1002, 4, 501, 801, Now, Now, Now, Priority: 1),
            new FdTicketRow(1003, 3, 501, 801, Now, Now, Priority: 4),
        ]);
        await _h.CreateFreshdeskTenantAsync("fresh");
        await PrepareAsync(_h, "fresh", "kari@customer.example");

        var redemption = await RedeemAsync(_h, "fresh", "kari@customer.example");

        var job = await WaitForJobAsync(_h, "fresh", redemption, "succeeded");
        Assert.Equal(1, job.GetProperty("ticketsRaised").GetInt32());
        var contact = Assert.Single(_h.Freshdesk.ContactUpdates);
        Assert.Equal(801, contact.ContactId);
        Assert.Equal(["vip", "priority_service"], contact.Body["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        var ticket = Assert.Single(_h.Freshdesk.TicketUpdates);
        Assert.Equal((1001L, 3), (ticket.TicketId, ticket.Body["priority"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Running_the_write_back_twice_changes_nothing_the_second_time()
    {
        ZendeskCustomerWithTickets();
        await _h.CreateZendeskTenantAsync("acme");
        _h.Freshdesk.Contacts.Add(new FdContactRow(801, "Kari Nordmann", "kari@customer.example"));
        _h.Freshdesk.Tickets.Add(new FdTicketRow(1001, 2, 501, 801, Now, Now, Priority: 1));
        await _h.CreateFreshdeskTenantAsync("fresh");
        var writeBack = _h.Host.Service<IHelpdeskWriteBack>();

        Assert.Equal(new WriteBackResult(true, 2), await writeBack.PrioritizeCustomerAsync("acme", "7001", CancellationToken.None));
        Assert.Equal(new WriteBackResult(true, 0), await writeBack.PrioritizeCustomerAsync("acme", "7001", CancellationToken.None));
        Assert.Equal(new WriteBackResult(true, 1), await writeBack.PrioritizeCustomerAsync("fresh", "kari@customer.example", CancellationToken.None));
        Assert.Equal(new WriteBackResult(true, 0), await writeBack.PrioritizeCustomerAsync("fresh", "kari@customer.example", CancellationToken.None));

        Assert.Single(_h.Zendesk.To("PUT", "/api/v2/users/7001/tags"));
        Assert.Equal(2, _h.Zendesk.TicketUpdates.Count);
        Assert.Single(_h.Freshdesk.ContactUpdates);
        Assert.Single(_h.Freshdesk.TicketUpdates);
    }

    [Fact]
    public async Task A_rate_limited_job_waits_for_retry_after_and_then_succeeds_once()
    {
        ZendeskCustomerWithTickets();
        await _h.CreateZendeskTenantAsync("acme");
        await PrepareAsync(_h, "acme", "7001");
        // One answer more than a call's 4 attempts: the first job attempt gives up, the job honours Retry-After.
        _h.Zendesk.Throttle("/api/v2/users/7001", 4, retryAfterSeconds: 1);

        var redemption = await RedeemAsync(_h, "acme", "7001");

        var job = await WaitForJobAsync(_h, "acme", redemption, "succeeded");
        Assert.Equal(2, job.GetProperty("attempts").GetInt32());
        var reads = _h.Zendesk.To("GET", "/api/v2/users/7001");
        Assert.Equal(5, reads.Count); // 4 throttled within the first attempt, 1 in the second
        Assert.True(reads[4].At - reads[3].At >= TimeSpan.FromSeconds(0.9), $"the job waited {(reads[4].At - reads[3].At).TotalMilliseconds} ms, not Retry-After's 1 s");
        Assert.Single(_h.Zendesk.To("PUT", "/api/v2/users/7001/tags"));
        Assert.Equal(2, _h.Zendesk.TicketUpdates.Count);
    }

    [Fact]
    public async Task A_write_back_while_the_helpdesk_is_down_is_retried_later_and_succeeds_once()
    {
        ZendeskCustomerWithTickets();
        await _h.CreateZendeskTenantAsync("acme");
        await PrepareAsync(_h, "acme", "7001");
        _h.Zendesk.Down = true;

        var redemption = await RedeemAsync(_h, "acme", "7001");

        // Two attempts failed (the third is claimed, or waiting) and the job is still queued with the error recorded.
        var failing = await WaitForJobAsync(_h, "acme", redemption, "pending",
            j => j.GetProperty("attempts").GetInt32() >= 3 && j.GetProperty("lastError").ValueKind == System.Text.Json.JsonValueKind.String);
        Assert.Contains("HTTP 503", failing.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(FakeZendesk.ApiToken, failing.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Empty(_h.Zendesk.UserTags);
        _h.Zendesk.Down = false;

        var job = await WaitForJobAsync(_h, "acme", redemption, "succeeded");
        Assert.True(job.GetProperty("attempts").GetInt32() >= 3);
        Assert.Single(_h.Zendesk.To("PUT", "/api/v2/users/7001/tags"));
        Assert.Equal(2, _h.Zendesk.TicketUpdates.Count);
    }

    [Fact]
    public async Task Without_api_credentials_the_job_is_skipped_once_and_the_admin_can_retry_it_after_connecting()
    {
        ZendeskCustomerWithTickets();
        await _h.Host.CreateZendeskTenantAsync("acme"); // webhooks only: no API e-mail or token
        await PrepareAsync(_h, "acme", "7001");

        var redemption = await RedeemAsync(_h, "acme", "7001");

        var skipped = await WaitForJobAsync(_h, "acme", redemption, "skipped");
        Assert.Equal(1, skipped.GetProperty("attempts").GetInt32());
        Assert.Contains("zendesk.apiToken", skipped.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        await _h.Host.Service<Connector.WriteBack.WriteBackWorker>().RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, (await JobsAsync(_h, "acme", redemption))[0].GetProperty("attempts").GetInt32()); // not retried
        Assert.Empty(_h.Zendesk.Requests);

        await _h.CreateZendeskTenantAsync("acme");
        var id = skipped.GetProperty("id").GetInt64();
        using var admin = _h.Host.AdminClient();
        using var retried = await admin.PostAsync($"/api/admin/tenants/acme/write-backs/{id}/retry", null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await WaitForJobAsync(_h, "acme", redemption, "succeeded");
        Assert.Single(_h.Zendesk.To("PUT", "/api/v2/users/7001/tags"));
        using var again = await admin.PostAsync($"/api/admin/tenants/acme/write-backs/{id}/retry", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var otherTenant = await admin.GetAsync($"/api/admin/tenants/other/write-backs/{id}");
        Assert.Equal(HttpStatusCode.NotFound, otherTenant.StatusCode);
        using var badStatus = await admin.GetAsync("/api/admin/tenants/acme/write-backs?status=done");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
    }

    [Fact]
    public async Task A_redemption_committed_before_a_restart_is_written_back_once_by_the_next_run()
    {
        ZendeskCustomerWithTickets();
        _h.Restart(new Dictionary<string, string?> { ["WriteBack:Enabled"] = "false" });
        await _h.CreateZendeskTenantAsync("acme");
        await PrepareAsync(_h, "acme", "7001");

        var redemption = await RedeemAsync(_h, "acme", "7001");
        var waiting = Assert.Single(await JobsAsync(_h, "acme", redemption));
        Assert.Equal(("pending", 0), (waiting.GetProperty("status").GetString(), waiting.GetProperty("attempts").GetInt32()));
        Assert.Empty(_h.Zendesk.Requests);

        _h.Restart(new Dictionary<string, string?> { ["WriteBack:Enabled"] = "true" });

        await WaitForJobAsync(_h, "acme", redemption, "succeeded", j => j.GetProperty("attempts").GetInt32() == 1);
        Assert.Single(_h.Zendesk.To("PUT", "/api/v2/users/7001/tags"));
        Assert.Equal(2, _h.Zendesk.TicketUpdates.Count);
    }

    [Fact]
    public async Task Erasing_the_customer_cancels_their_pending_write_back_and_keeps_no_trace_of_the_id()
    {
        _h.Restart(new Dictionary<string, string?> { ["WriteBack:Enabled"] = "false" });
        await _h.CreateFreshdeskTenantAsync("fresh");
        await PrepareAsync(_h, "fresh", "kari@customer.example");
        var redemption = await RedeemAsync(_h, "fresh", "kari@customer.example");

        using var admin = _h.Host.AdminClient();
        (await admin.DeleteAsync("/api/admin/tenants/fresh/customers/kari@customer.example")).EnsureSuccessStatusCode();
        _h.Restart(new Dictionary<string, string?> { ["WriteBack:Enabled"] = "true" });

        var job = await WaitForJobAsync(_h, "fresh", redemption, "skipped");
        Assert.Equal(0, job.GetProperty("attempts").GetInt32());
        Assert.Equal("The customer was erased.", job.GetProperty("lastError").GetString());
        Assert.DoesNotContain("kari@", job.GetProperty("customerId").GetString(), StringComparison.Ordinal);
        Assert.Empty(_h.Freshdesk.Requests);
    }
}
