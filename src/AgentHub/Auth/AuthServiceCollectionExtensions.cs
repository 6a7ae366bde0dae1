using HelpdeskGamify.Connector.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace HelpdeskGamify.AgentHub.Auth;

/// <summary>Bearer JWTs for people, the admin key for scripts, both behind one "Bearer" header.</summary>
public static class AuthServiceCollectionExtensions
{
    private const string Selector = "BearerOrAdminKey";

    /// <summary>Adds authentication, the token issuer and the authorization policies.</summary>
    public static IHostApplicationBuilder AddGameAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        services.AddSingleton(sp => new SigningKey(LocalSecrets.Resolve(
            sp.GetRequiredService<IOptions<AuthOptions>>().Value.SigningKey, "Auth:SigningKey", "auth-signing.key",
            sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value)));
        services.AddSingleton(sp => new AdminKey(LocalSecrets.Resolve(
            sp.GetRequiredService<IOptions<AdminOptions>>().Value.ApiKey, "Admin:ApiKey", "admin.key",
            sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value)));
        services.AddSingleton<TokenIssuer>();

        services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, Selector, o => o.ForwardDefaultSelector = context =>
            {
                // A JWT has two dots; the admin key has none.
                var header = context.Request.Headers.Authorization.ToString();
                if (ApiKeyHandler.Carries(header))
                {
                    return ApiKeyHandler.SchemeName;
                }
                return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Count(c => c == '.') != 2
                    ? AdminKeyHandler.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, AdminKeyHandler>(AdminKeyHandler.SchemeName, _ => { })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, _ => { })
            .AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKey, IOptions<AuthOptions>>((o, key, auth) =>
            {
                o.MapInboundClaims = false;
                // Nothing reads the raw token back (no GetTokenAsync); saving it would keep a copy per hub connection.
                o.SaveToken = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Issuer,
                    IssuerSigningKey = key.Key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = GameClaims.Subject,
                    RoleClaimType = GameClaims.Role,
                };
                o.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSocket requests, so the hub takes the token from the query.
                    OnMessageReceived = context =>
                    {
                        var token = context.Request.Query["access_token"];
                        if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs", StringComparison.Ordinal))
                        {
                            context.Token = token;
                        }
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = context =>
                    {
                        context.Principal = SlimPrincipal.From(context.Principal!);
                        return Task.CompletedTask;
                    },
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireClaim(GameClaims.Role, Roles.Admin).RequireAssertion(c => c.User.IsAdminKey()))
            .AddPolicy(Policies.TenantMember, p => p.RequireClaim(GameClaims.Role, Roles.Admin, Roles.TeamLead, Roles.Agent, Roles.Customer))
            .AddPolicy(Policies.Staff, p => p.RequireClaim(GameClaims.Role, Roles.Admin, Roles.TeamLead, Roles.Agent))
            .AddPolicy(Policies.Integration, p => p.RequireAssertion(c => c.User.Role() == Roles.Integration || c.User.IsAdminKey()));
        return builder;
    }
}

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    /// <summary>The admin key only (not a tenant's admin-role token).</summary>
    public const string Admin = "admin";

    /// <summary>Anyone with a token of the tenant (checked per route by <see cref="TenantAccessFilter"/>).</summary>
    public const string TenantMember = "tenant-member";

    /// <summary>Agents, team leads and the admin.</summary>
    public const string Staff = "staff";

    /// <summary>A tenant API key (or the admin key): the events API.</summary>
    public const string Integration = "integration";
}
