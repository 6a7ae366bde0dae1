using System.Globalization;

namespace HelpdeskGamify.Benchmarks.Common;

/// <summary>Tiny <c>--name value</c> / <c>--flag</c> parser; the benchmarks have few options.</summary>
internal sealed class Args(string[] args)
{
    public bool Flag(string name) => args.Contains("--" + name, StringComparer.Ordinal);

    public string? Value(string name)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public string Required(string name) => Value(name) ?? throw new ArgumentException($"--{name} is required.");

    public int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
