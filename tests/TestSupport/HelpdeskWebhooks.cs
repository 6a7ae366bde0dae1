using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using HelpdeskGamify.Connector.Freshchat;
using HelpdeskGamify.Connector.Freshdesk;
using HelpdeskGamify.Connector.ZendeskMessaging;

namespace HelpdeskGamify.TestSupport;

/// <summary>Builds webhook requests the way Zendesk messaging, Freshdesk and Freshchat send them.</summary>
public static class HelpdeskWebhooks
{
    /// <summary>A Sunshine Conversations delivery to <c>/webhooks/zendesk-messaging/{tenant}</c>, with the key when given.</summary>
    public static HttpRequestMessage MessagingPost(string tenant, string? apiKey, string body)
    {
        var request = Post($"/webhooks/zendesk-messaging/{tenant}", Encoding.UTF8.GetBytes(body));
        if (apiKey is not null)
        {
            request.Headers.Add(ZendeskMessagingWebhookSource.ApiKeyHeader, apiKey);
        }
        return request;
    }

    /// <summary>A Freshdesk automation delivery with the token in <c>X-Webhook-Token</c>, or as the Basic password when <paramref name="basic"/>.</summary>
    public static HttpRequestMessage FreshdeskPost(string tenant, string? token, string body, bool basic = false)
    {
        var request = Post($"/webhooks/freshdesk/{tenant}", Encoding.UTF8.GetBytes(body));
        if (token is not null && basic)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("freshdesk:" + token)));
        }
        else if (token is not null)
        {
            request.Headers.Add(FreshdeskWebhookSource.TokenHeader, token);
        }
        return request;
    }

    /// <summary>A Freshchat delivery signed with <paramref name="signer"/> (or carrying <paramref name="signature"/> as given).</summary>
    public static HttpRequestMessage FreshchatPost(string tenant, byte[] body, RSA? signer, string? signature = null)
    {
        var request = Post($"/webhooks/freshchat/{tenant}", body);
        signature ??= signer is null ? null : Convert.ToBase64String(signer.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        if (signature is not null)
        {
            request.Headers.Add(FreshchatWebhookSource.SignatureHeader, signature);
        }
        return request;
    }

    /// <summary>The public key as the Freshchat admin shows it: armored as "RSA PUBLIC KEY", SubjectPublicKeyInfo inside.</summary>
    public static string FreshchatPem(RSA key) =>
        $"-----BEGIN RSA PUBLIC KEY-----\n{Convert.ToBase64String(key.ExportSubjectPublicKeyInfo(), Base64FormattingOptions.InsertLineBreaks)}\n-----END RSA PUBLIC KEY-----";

    /// <summary>Creates a Freshdesk tenant with its webhook token and Freshchat public key through the admin API.</summary>
    public static async Task CreateFreshdeskTenantAsync(this GameHost host, string tenant, string webhookToken, string freshchatPublicKey)
    {
        using var admin = host.AdminClient();
        using var response = await admin.PutAsJsonAsync($"/api/admin/tenants/{tenant}", new
        {
            name = $"Tenant {tenant}",
            platform = "freshdesk",
            freshdesk = new { domain = tenant + ".freshdesk.com", webhookToken, freshchatPublicKey },
            widgetSigningSecret = "widget-secret-0123456789abcdef-" + webhookToken,
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A fixture body without its leading comment lines.</summary>
    public static string FixtureBody(string relativePath) =>
        string.Join('\n', Fixtures.Text(relativePath).Split('\n').Where(l => !l.StartsWith('#'))).Trim();

    private static HttpRequestMessage Post(string path, byte[] body) => new(HttpMethod.Post, path)
    {
        Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
    };
}
