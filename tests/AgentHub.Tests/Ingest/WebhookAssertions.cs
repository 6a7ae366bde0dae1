using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Ingest;

/// <summary>What every webhook test checks about answers and the inbox.</summary>
internal static class WebhookAssertions
{
    public static async Task<JsonElement> OkAsync(HttpResponseMessage response, string status, int? accepted = null, int? duplicates = null)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, body.GetProperty("status").GetString());
        if (accepted is not null)
        {
            Assert.Equal(accepted, body.GetProperty("accepted").GetInt32());
        }
        if (duplicates is not null)
        {
            Assert.Equal(duplicates, body.GetProperty("duplicates").GetInt32());
        }
        return body;
    }

    /// <summary>The 401 problem, reduced to what must be identical for every refusal (the trace id differs).</summary>
    public static async Task<string> UnauthenticatedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return $"{body.GetProperty("status").GetInt32()}|{body.GetProperty("title").GetString()}|{body.GetProperty("detail").GetString()}";
    }

    public static async Task<long> CountAsync(GameHost host, string sql, object? args = null)
    {
        await host.InboxMovedAsync();
        await using var connection = await host.Service<Connector.Storage.Database>().OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, sql, args);
    }
}
