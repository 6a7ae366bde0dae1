using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Scoring.Tickets;

namespace HelpdeskGamify.Connector.Tests.Scoring.Tickets;

/// <summary>
/// Feeding a ticket's facts one at a time, in any order, with duplicates and with the clock moving,
/// and appending only diffs, ends with the same holdings as computing from all facts at once.
/// </summary>
public sealed class TicketConvergenceProperties
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    private static readonly HelpdeskEventKind[] Kinds =
        [HelpdeskEventKind.TicketCreated, HelpdeskEventKind.TicketSolved, HelpdeskEventKind.TicketReopened, HelpdeskEventKind.SatisfactionRated, HelpdeskEventKind.TicketSolved];

    internal static Gen<List<TicketFact>> Stream =>
        from n in Gen.Choose(1, 8)
        from items in Gen.ListOf(Gen.Zip(Gen.Zip(Gen.Elements(Kinds), Gen.Choose(0, 200)),
            Gen.Zip(Gen.Elements(SatisfactionRating.Good, SatisfactionRating.Bad, SatisfactionRating.Neutral), Gen.Elements("a1", "a2"))), n)
        select items.Select(i =>
        {
            var ((kind, hours), (rating, agent)) = i;
            var e = Events.Ticket(kind, "7", T0.AddHours(hours), agent: agent,
                rating: kind == HelpdeskEventKind.SatisfactionRated ? rating : SatisfactionRating.None, resolutionSeconds: 3600);
            return new TicketFact(NaturalKey.For(e), e);
        }).ToList();

    [Property(MaxTest = 300)]
    public Property Any_order_with_duplicates_converges_to_the_one_shot_result() =>
        Prop.ForAll(Arb.From(Gen.Zip(Stream, Gen.Choose(0, int.MaxValue))), t =>
        {
            var (facts, seed) = t;
            var random = new Random(seed);
            var delivered = facts.Concat(facts.Where(_ => random.Next(3) == 0)).OrderBy(_ => random.Next()).ToList();
            var held = new Dictionary<(string, string, string, string, long), (long Balance, long Pending)>();
            var known = new List<TicketFact>();
            var now = T0;
            foreach (var fact in delivered)
            {
                now = now.AddHours(random.Next(0, 30));
                known.Add(fact);
                Apply(held, TicketPolicy.Compute("7", known, DefaultRules.Set, now).Holdings);
            }
            var end = now.AddDays(30);
            Apply(held, TicketPolicy.Compute("7", known, DefaultRules.Set, end).Holdings);
            var expected = TicketPolicy.Compute("7", facts, DefaultRules.Set, end).Holdings
                .GroupBy(h => h.ParticipantId).ToDictionary(g => g.Key, g => (g.Sum(h => h.Balance), g.Sum(h => h.Pending)));
            var actual = held.Where(kv => kv.Value != (0, 0)).GroupBy(kv => kv.Key.Item2)
                .ToDictionary(g => g.Key, g => (g.Sum(kv => kv.Value.Balance), g.Sum(kv => kv.Value.Pending)));
            return expected.Where(kv => kv.Value != (0, 0)).OrderBy(kv => kv.Key).SequenceEqual(actual.Where(kv => kv.Value != (0, 0)).OrderBy(kv => kv.Key));
        });

    // The ledger as the worker keeps it: only diffs are appended, and held amounts are their sums.
    private static void Apply(Dictionary<(string, string, string, string, long), (long Balance, long Pending)> held, IReadOnlyList<Holding> desired)
    {
        var current = held.Select(kv => new HeldAmount(kv.Key.Item1, kv.Key.Item2, kv.Key.Item3, kv.Key.Item4, "", kv.Value.Balance, kv.Value.Pending, kv.Key.Item5)).ToList();
        foreach (var d in LedgerDiff.Between(desired, current))
        {
            var key = (d.ParticipantKind, d.ParticipantId, d.RuleId, d.AwardKey, d.OccurredAtMs);
            var (b, p) = held.GetValueOrDefault(key);
            held[key] = (b + d.Points, p + d.PendingPoints);
        }
    }
}
