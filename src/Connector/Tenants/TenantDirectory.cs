using System.Collections.Concurrent;

namespace HelpdeskGamify.Connector.Tenants;

/// <summary>
/// A short-lived cache of tenants in front of <see cref="TenantStore"/>, because every webhook
/// needs its tenant's secret and decrypting it per request is wasted work. Entries expire so that
/// a secret rotated on another node takes effect here within <see cref="Lifetime"/>.
/// </summary>
public sealed class TenantDirectory(TenantStore store, TimeProvider clock)
{
    /// <summary>How long a cached tenant is trusted.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private const int MaxCachedMisses = 10_000;

    private readonly ConcurrentDictionary<string, (Tenant? Tenant, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    /// <summary>The tenant, or null when none has this id (cached too, so probing unknown ids stays cheap).</summary>
    public async ValueTask<Tenant?> FindAsync(string id, CancellationToken ct = default)
    {
        if (!TenantSlug.IsValid(id))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(id, out var hit) && hit.Expires > now)
        {
            return hit.Tenant;
        }
        var tenant = await store.FindAsync(id, ct);
        // Misses are cached only while the cache is small, so probing random ids cannot grow it.
        if (tenant is not null || _cache.Count < MaxCachedMisses)
        {
            _cache[id] = (tenant, now + Lifetime);
        }
        return tenant;
    }

    /// <summary>Saves a tenant and forgets what this node cached of it.</summary>
    public async Task SaveAsync(Tenant tenant, CancellationToken ct = default)
    {
        await store.SaveAsync(tenant, ct);
        _cache.TryRemove(tenant.Id, out _);
    }
}
