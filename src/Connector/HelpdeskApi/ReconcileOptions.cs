namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>The nightly reconcile (<c>Reconcile:*</c>): directory sync plus a backfill of the last days, per tenant.</summary>
public sealed class ReconcileOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Reconcile";

    /// <summary>Whether it runs. On by default (it only calls tenants with API credentials); tests turn it off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The time of day (UTC) it runs.</summary>
    public TimeSpan AtUtc { get; set; } = new(3, 0, 0);

    /// <summary>How many days back each run re-imports, to catch deliveries webhooks lost.</summary>
    public int WindowDays { get; set; } = 3;
}
