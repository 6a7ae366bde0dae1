using FsCheck;
using FsCheck.Fluent;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.Connector.Tests.Fuzzing;

public sealed class ParserFuzzTests
{
    private const int Runs = 3_000;

    [Theory]
    [MemberData(nameof(ParserUnderTest.Names), MemberType = typeof(ParserUnderTest))]
    public void Mutated_fixtures_either_parse_to_storable_events_or_raise_only_PayloadException(string name)
    {
        var parser = ParserUnderTest.Named(name);
        var fixtures = parser.Fixtures.Select(Fixtures.Read).ToList();
        var cases = Gen.Zip(Gen.Choose(0, fixtures.Count - 1), ArbMap.Default.GeneratorFor<int>()).ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            var body = PayloadMutator.Mutate(fixtures[c.Item1], c.Item2);
            return Survives(parser, body).Label($"fixture {parser.Fixtures[c.Item1]}, seed {c.Item2}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Runs));
    }

    [Theory]
    [MemberData(nameof(ParserUnderTest.Names), MemberType = typeof(ParserUnderTest))]
    public void Random_bytes_raise_only_PayloadException(string name)
    {
        var parser = ParserUnderTest.Named(name);
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => Survives(parser, bytes)).Check(Config.QuickThrowOnFailure.WithMaxTest(Runs));
    }

    [Theory]
    [MemberData(nameof(ParserUnderTest.Names), MemberType = typeof(ParserUnderTest))]
    public void Every_fixture_parses(string name)
    {
        var parser = ParserUnderTest.Named(name);
        Assert.All(parser.Fixtures, f => Assert.True(Survives(parser, Fixtures.Read(f))));
    }

    /// <summary>True when the parser refused with a <see cref="PayloadException"/> or gave events the inbox can store and the scorer can read back.</summary>
    private static bool Survives(ParserUnderTest parser, byte[] body)
    {
        IReadOnlyList<HelpdeskEvent> events;
        try
        {
            events = parser.Parse(body);
        }
        catch (PayloadException ex)
        {
            return !string.IsNullOrWhiteSpace(ex.Message);
        }
        foreach (var e in events)
        {
            var key = NaturalKey.For(e);
            var back = EventJson.Deserialize(EventJson.Serialize(e));
            if (key.Length == 0 || NaturalKey.For(back) != key)
            {
                return false;
            }
        }
        return true;
    }
}
