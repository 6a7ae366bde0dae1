using System.Collections.Concurrent;

namespace HelpdeskGamify.Connector.Scoring.Rules;

/// <summary>
/// Which rule set applies to a tenant: its own when it saved one, otherwise the defaults. Cached
/// briefly, so that every node of a scaled-out deployment picks up a replaced set within seconds.
/// </summary>
public sealed class RuleBook(RuleSetStore store, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (RuleSet Set, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>The rules for <paramref name="tenantId"/>.</summary>
    public async Task<RuleSet> ForAsync(string tenantId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(tenantId, out var cached) && cached.Until > now)
        {
            return cached.Set;
        }
        var set = await store.FindAsync(tenantId, ct) ?? DefaultRules.Set;
        _cache[tenantId] = (set, now + CacheFor);
        return set;
    }

    /// <summary>Saves a tenant's new rule set (its version is the stored one plus one) and uses it at once on this node.</summary>
    public async Task<RuleSet> ReplaceAsync(string tenantId, RuleSet set, CancellationToken ct = default)
    {
        var saved = await store.SaveAsync(tenantId, set, ct);
        _cache[tenantId] = (saved, clock.GetUtcNow() + CacheFor);
        return saved;
    }
}
