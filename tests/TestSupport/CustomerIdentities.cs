using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HelpdeskGamify.TestSupport;

/// <summary>Signs customer identity tokens the way a company's backend would.</summary>
public static class CustomerIdentities
{
    /// <summary>An HS256 identity token for <paramref name="customerId"/>.</summary>
    public static string Sign(string secret, string customerId, string? name = "Kari Nordmann", TimeSpan? lifetime = null,
        string? audience = null, string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = customerId };
        if (name is not null)
        {
            claims["name"] = name;
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Audience = audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now + (lifetime ?? TimeSpan.FromHours(1)),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), algorithm),
        });
    }
}
