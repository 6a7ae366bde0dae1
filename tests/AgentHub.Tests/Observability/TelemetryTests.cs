using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using HelpdeskGamify.Connector;
using HelpdeskGamify.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace HelpdeskGamify.AgentHub.Tests.Observability;

public sealed class TelemetryTests : IDisposable
{
    // Meters are process-wide and other tests run beside this one: only this tenant's measurements count.
    private const string Tenant = "telemetry-probe";
    private readonly GameHost _host = new();
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;
    private readonly ConcurrentDictionary<string, double> _totals = new();
    private readonly ConcurrentQueue<Activity> _spans = new();

    public TelemetryTests()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ConnectorTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        _meters.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        _meters.Start();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ConnectorTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
    }

    [Fact]
    public async Task Ingest_scoring_awards_inbox_lag_and_hub_connections_are_measured_and_traced()
    {
        var secret = await _host.CreateZendeskTenantAsync(Tenant);
        using (var admin = _host.AdminClient())
        {
            await Scenario.SettleAtOnceAsync(admin, Tenant); // points settle at once, so awards.points counts them
        }
        var token = await _host.TokenAsync(Tenant, "agent", "9001");
        await using var hub = _host.Hub(token);
        var awarded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("pointsAwarded", _ => awarded.TrySetResult());
        await hub.StartAsync();
        await GameHost.WaitUntilAsync(() => Task.FromResult(Total("helpdeskgamify.hub.connections") == 1), what: "the connection to be counted");

        using var client = _host.CreateClient();
        var body = ZendeskWebhooks.Trigger("ticket.solved", "42");
        (await client.SendAsync(ZendeskWebhooks.SignedPost(Tenant, secret, body))).EnsureSuccessStatusCode();
        (await client.SendAsync(ZendeskWebhooks.SignedPost(Tenant, secret, body))).EnsureSuccessStatusCode();
        await awarded.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await GameHost.WaitUntilAsync(() => Task.FromResult(Total("helpdeskgamify.events.scored") == 1), what: "the scored count");
        Assert.Equal(1, Total("helpdeskgamify.events.ingested|accepted"));
        Assert.Equal(1, Total("helpdeskgamify.events.ingested|duplicate"));
        Assert.True(Total("helpdeskgamify.awards") >= 1);
        Assert.True(Total("helpdeskgamify.awards.points") >= 10);
        Assert.True(_totals.ContainsKey($"helpdeskgamify.inbox.lag|{Tenant}|count"));
        Assert.Contains(_spans, s => s.OperationName == "webhook.ingest" && (string?)s.GetTagItem("helpdeskgamify.tenant") == Tenant);
        Assert.Contains(_spans, s => s.OperationName == "scoring.batch");

        await hub.StopAsync();
        await GameHost.WaitUntilAsync(() => Task.FromResult(Total("helpdeskgamify.hub.connections") == 0), what: "the connection to be released");
    }

    private double Total(string key) => _totals.TryGetValue($"{key}|{Tenant}", out var v) ? v : 0;

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? tenant = null, outcome = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "tenant") tenant = tag.Value as string;
            if (tag.Key == "outcome") outcome = tag.Value as string;
        }
        if (tenant != Tenant)
        {
            return;
        }
        var name = outcome is null ? instrument.Name : $"{instrument.Name}|{outcome}";
        if (instrument is Histogram<double>)
        {
            _totals.AddOrUpdate($"{name}|{tenant}|count", 1, (_, c) => c + 1);
            return;
        }
        _totals.AddOrUpdate($"{name}|{tenant}", value, (_, total) => total + value);
    }

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
        _host.Dispose();
    }
}
