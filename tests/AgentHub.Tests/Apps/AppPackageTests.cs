using System.Text.Json;

namespace HelpdeskGamify.AgentHub.Tests.Apps;

/// <summary>The helpdesk app packages as uploaded: manifests declare the locations and secure settings the apps rely on.</summary>
public sealed class AppPackageTests
{
    private static readonly string Apps = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/AgentHub/Apps"));

    [Fact]
    public void Zendesk_manifest_has_nav_bar_and_ticket_sidebar_and_a_secure_shared_secret()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Apps, "zendesk/manifest.json")));
        var support = manifest.RootElement.GetProperty("location").GetProperty("support");

        Assert.Equal("assets/iframe.html", support.GetProperty("nav_bar").GetProperty("url").GetString());
        Assert.Equal("assets/iframe.html", support.GetProperty("ticket_sidebar").GetProperty("url").GetString());
        var secret = manifest.RootElement.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "sharedSecret");
        Assert.True(secret.GetProperty("secure").GetBoolean());
        var iframe = File.ReadAllText(Path.Combine(Apps, "zendesk/assets/iframe.html"));
        Assert.DoesNotContain("http", iframe.Replace("<!doctype html>", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("src=\"app.js\"", iframe, StringComparison.Ordinal);
    }

    [Fact]
    public void Freshdesk_manifest_has_a_ticket_sidebar_and_a_secure_shared_secret()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Apps, "freshdesk/manifest.json")));
        using var iparams = JsonDocument.Parse(File.ReadAllText(Path.Combine(Apps, "freshdesk/config/iparams.json")));

        var location = manifest.RootElement.GetProperty("product").GetProperty("freshdesk").GetProperty("location");
        Assert.Equal("index.html", location.GetProperty("ticket_sidebar").GetProperty("url").GetString());
        Assert.True(File.Exists(Path.Combine(Apps, "freshdesk/app/index.html")));
        Assert.True(iparams.RootElement.GetProperty("sharedSecret").GetProperty("secure").GetBoolean());
    }
}
