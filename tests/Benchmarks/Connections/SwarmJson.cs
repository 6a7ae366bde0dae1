using System.Text.Json;
using System.Text.Json.Serialization;

namespace HelpdeskGamify.Benchmarks.Connections;

/// <summary>How the client swarm reports to the benchmark: NaN and infinities allowed, for "nothing arrived".</summary>
internal static class SwarmJson
{
    public static readonly JsonSerializerOptions Options = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
}
