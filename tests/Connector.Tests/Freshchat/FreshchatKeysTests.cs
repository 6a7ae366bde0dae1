using System.Security.Cryptography;
using System.Text;
using HelpdeskGamify.Connector.Freshchat;

namespace HelpdeskGamify.Connector.Tests.Freshchat;

public sealed class FreshchatKeysTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"action\":\"message_create\"}");

    [Fact]
    public void Spki_armored_as_rsa_public_key_verifies_like_freshchat_shows_it()
    {
        using var rsa = RSA.Create(2048);
        var pem = Armor("RSA PUBLIC KEY", rsa.ExportSubjectPublicKeyInfo());

        Assert.True(new FreshchatKeys().Verify("acme", pem, Body, Sign(rsa, Body)));
    }

    [Theory]
    [InlineData("RSA PUBLIC KEY")]
    [InlineData("PUBLIC KEY")]
    public void Pkcs1_and_spki_are_both_accepted_whatever_the_label(string label)
    {
        using var rsa = RSA.Create(2048);
        var keys = new FreshchatKeys();

        Assert.True(keys.Verify("a", Armor(label, rsa.ExportRSAPublicKey()), Body, Sign(rsa, Body)));
        Assert.True(keys.Verify("b", Armor(label, rsa.ExportSubjectPublicKeyInfo()), Body, Sign(rsa, Body)));
    }

    [Fact]
    public void A_key_pasted_with_escaped_newlines_still_parses()
    {
        using var rsa = RSA.Create(2048);
        var pem = Armor("RSA PUBLIC KEY", rsa.ExportSubjectPublicKeyInfo()).Replace("\n", "\\n", StringComparison.Ordinal);

        Assert.NotNull(FreshchatKeys.Parse(pem));
    }

    [Fact]
    public void Tampered_body_wrong_key_missing_or_garbage_signature_fail()
    {
        using var rsa = RSA.Create(2048);
        using var other = RSA.Create(2048);
        var pem = Armor("RSA PUBLIC KEY", rsa.ExportSubjectPublicKeyInfo());
        var keys = new FreshchatKeys();
        var signature = Sign(rsa, Body);

        Assert.False(keys.Verify("acme", pem, Encoding.UTF8.GetBytes("{\"action\":\"message_create\" }"), signature));
        Assert.False(keys.Verify("acme", pem, Body, Sign(other, Body)));
        Assert.False(keys.Verify("acme", pem, Body, null));
        Assert.False(keys.Verify("acme", pem, Body, "not base64 at all!"));
        Assert.False(keys.Verify("acme", null, Body, signature));
        Assert.False(keys.Verify("acme", "-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----", Body, signature));
    }

    [Fact]
    public void A_rotated_key_replaces_the_cached_one()
    {
        using var first = RSA.Create(2048);
        using var second = RSA.Create(2048);
        var keys = new FreshchatKeys();
        Assert.True(keys.Verify("acme", Armor("RSA PUBLIC KEY", first.ExportSubjectPublicKeyInfo()), Body, Sign(first, Body)));

        var rotated = Armor("RSA PUBLIC KEY", second.ExportSubjectPublicKeyInfo());

        Assert.False(keys.Verify("acme", rotated, Body, Sign(first, Body)));
        Assert.True(keys.Verify("acme", rotated, Body, Sign(second, Body)));
    }

    private static string Sign(RSA rsa, byte[] body) =>
        Convert.ToBase64String(rsa.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    private static string Armor(string label, byte[] der) =>
        $"-----BEGIN {label}-----\n{Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks)}\n-----END {label}-----\n";
}
