using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HelpdeskGamify.TestSupport;
using static HelpdeskGamify.AgentHub.Tests.Events.EventsApiClient;

namespace HelpdeskGamify.AgentHub.Tests.Events;

public sealed class CsvImportTests : IDisposable
{
    private readonly GameHost _host = new();

    [Fact]
    public async Task Import_scores_valid_rows_once_and_reports_each_refused_row_with_its_column()
    {
        await _host.CreateZendeskTenantAsync("acme");
        const string csv = """
            type,customer_id,customer_name,occurred_at,id,amount
            customer,c1,Ada,2025-01-01T00:00:00Z,,
            visit.completed,c1,,2025-02-01T10:00:00Z,v1,
            visit.completed,c1,,2025-02-01T10:00:00Z,v1,
            purchase.completed,c2,"Lovelace, Ada",2025-03-01T00:00:00Z,p1,120
            purchase.completed,c2,,2025-03-02T00:00:00Z,p2,lots
            visit.completed,,,2025-03-02T00:00:00Z,,
            """;
        using var admin = _host.AdminClient();

        using var response = await admin.PostAsync("/api/admin/tenants/acme/imports", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var job = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal([6, 6, 3, 1, 2], new[] { "total", "processed", "accepted", "duplicates", "errors" }.Select(p => job.GetProperty(p).GetInt32()));
        var progress = await admin.GetFromJsonAsync<JsonElement>(response.Headers.Location!);
        Assert.Equal(6, progress.GetProperty("processed").GetInt32());
        var errors = await admin.GetFromJsonAsync<JsonElement>($"{response.Headers.Location}/errors");
        Assert.Equal([(6, "amount"), (7, "customer_id")], errors.GetProperty("items").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString()!)));

        await GameHost.WaitUntilAsync(async () => (await RuleEntriesAsync(_host, "acme", "c2")).Count == 2, what: "c2's purchase");
        await GameHost.WaitUntilAsync(async () => (await RuleEntriesAsync(_host, "acme", "c1")).Count == 1, what: "c1's visit");
        await Task.Delay(300);
        Assert.Equal([("customer.large-purchase", 25), ("customer.purchase-completed", 10)], await RuleEntriesAsync(_host, "acme", "c2"));
        Assert.Equal([("customer.visit-completed", 5)], await RuleEntriesAsync(_host, "acme", "c1"));
        Assert.Equal("Ada", (await CustomerAsync(_host, "acme", "c1"))!.Value.GetProperty("displayName").GetString());
        Assert.Equal("Lovelace, Ada", (await CustomerAsync(_host, "acme", "c2"))!.Value.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Large_import_is_streamed_and_shows_progress_while_the_file_is_still_arriving()
    {
        await _host.CreateZendeskTenantAsync("acme");
        var pipe = new Pipe();
        // A plain socket client: the request body must reach the server while it is still being written.
        using var admin = new HttpClient { BaseAddress = _host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", GameHost.AdminKey);
        var content = new StreamContent(pipe.Reader.AsStream());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        var upload = admin.PostAsync("/api/admin/tenants/acme/imports", content);

        await WriteAsync(pipe.Writer, "customer_id,occurred_at,id\n");
        await WriteRowsAsync(pipe.Writer, 0, 1200);
        await GameHost.WaitUntilAsync(async () => await ProcessedSoFarAsync() >= 1000, TimeSpan.FromSeconds(20), "progress before the end of the file");
        Assert.False(upload.IsCompleted);
        await WriteRowsAsync(pipe.Writer, 1200, 3000);
        await pipe.Writer.CompleteAsync();

        using var response = await upload;
        var job = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3000, job.GetProperty("total").GetInt32());
        Assert.Equal(3000, job.GetProperty("accepted").GetInt32());
        Assert.Equal(0, job.GetProperty("errors").GetInt32());
    }

    private async Task<long> ProcessedSoFarAsync()
    {
        using var admin = _host.AdminClient();
        var jobs = await admin.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/imports");
        var running = jobs.GetProperty("items").EnumerateArray().FirstOrDefault();
        return running.ValueKind == JsonValueKind.Object && running.GetProperty("status").GetString() == "running"
            ? running.GetProperty("processed").GetInt64()
            : 0;
    }

    private static async Task WriteRowsAsync(PipeWriter writer, int from, int to)
    {
        var rows = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"c{i % 50},2025-05-01T10:00:00Z,visit-{i}\n");
        }
        await WriteAsync(writer, rows.ToString());
    }

    private static async Task WriteAsync(PipeWriter writer, string text)
    {
        await writer.WriteAsync(Encoding.UTF8.GetBytes(text));
        await writer.FlushAsync();
    }

    public void Dispose() => _host.Dispose();
}
