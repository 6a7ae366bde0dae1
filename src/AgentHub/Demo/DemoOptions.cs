namespace HelpdeskGamify.AgentHub.Demo;

/// <summary><c>Demo:*</c>: the demo tenant and its simulated helpdesk traffic (on in Development).</summary>
public sealed class DemoOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Demo";

    /// <summary>Create the demo tenant at start and print how to use it.</summary>
    public bool Enabled { get; set; }

    /// <summary>The demo tenant's id.</summary>
    public string Tenant { get; set; } = "demo";

    /// <summary>Post simulated, signed webhooks to this node's own endpoint.</summary>
    public bool Simulator { get; set; } = true;

    /// <summary>Average pause between simulated tickets.</summary>
    public TimeSpan SimulatorInterval { get; set; } = TimeSpan.FromSeconds(2);
}
