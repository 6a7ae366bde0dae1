using System.Globalization;
using BenchmarkDotNet.Attributes;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Zendesk;

namespace HelpdeskGamify.Benchmarks.Micro;

/// <summary>The per-webhook CPU work, piece by piece: verify the signature, parse the payload, evaluate the rules.</summary>
[MemoryDiagnoser]
public class IngestMicroBenchmarks
{
    private const string Secret = "dGhpc19zZWNyZXRfaXNfZm9yX2JlbmNobWFya3Nfb25seQ==";
    private byte[] _trigger = [];
    private byte[] _event = [];
    private string _timestamp = "";
    private string _signature = "";
    private DateTimeOffset _now;
    private HelpdeskEvent _solved = null!;
    private HelpdeskEvent _rated = null!;

    [GlobalSetup]
    public void Setup()
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "zendesk");
        _trigger = File.ReadAllBytes(Path.Combine(fixtures, "trigger-ticket-solved.json"));
        _event = File.ReadAllBytes(Path.Combine(fixtures, "event-ticket-status-changed.json"));
        _now = DateTimeOffset.UtcNow;
        _timestamp = _now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        _signature = ZendeskSignature.Compute(Secret, _timestamp, _trigger);
        _solved = ZendeskPayloadParser.Parse(_trigger)[0];
        _rated = _solved with { Kind = HelpdeskEventKind.SatisfactionRated, Rating = SatisfactionRating.Good };
    }

    [Benchmark(Description = "ZendeskSignature.Verify (trigger fixture)")]
    public bool VerifySignature() => ZendeskSignature.Verify(Secret, _timestamp, _trigger, _signature, _now);

    [Benchmark(Description = "ZendeskPayloadParser.Parse (trigger fixture)")]
    public IReadOnlyList<HelpdeskEvent> ParseTrigger() => ZendeskPayloadParser.Parse(_trigger);

    [Benchmark(Description = "ZendeskPayloadParser.Parse (event webhook fixture)")]
    public IReadOnlyList<HelpdeskEvent> ParseEvent() => ZendeskPayloadParser.Parse(_event);

    [Benchmark(Description = "RuleEvaluator.Evaluate (solved)")]
    public IReadOnlyList<Award> EvaluateSolved() => RuleEvaluator.Evaluate(_solved, DefaultRules.Set);

    [Benchmark(Description = "RuleEvaluator.Evaluate (rated good)")]
    public IReadOnlyList<Award> EvaluateRated() => RuleEvaluator.Evaluate(_rated, DefaultRules.Set);
}
