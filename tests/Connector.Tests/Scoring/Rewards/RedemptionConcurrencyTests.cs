using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Scoring.Rewards;
using static HelpdeskGamify.Connector.Events.HelpdeskEventKind;

namespace HelpdeskGamify.Connector.Tests.Scoring.Rewards;

public sealed class RedemptionConcurrencyTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    private EngineHarness _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineHarness.StartAsync(T0.AddMinutes(5));
        // Five reviews on five days: 100 points for customer c1, 100 for c2.
        for (var i = 0; i < 5; i++)
        {
            await _engine.DeliverAsync("acme", Events.Loose(ReviewCompleted, "r" + i, T0.AddDays(-i)));
            await _engine.DeliverAsync("acme", Events.Loose(ReviewCompleted, "s" + i, T0.AddDays(-i), customer: "c2"));
        }
        await _engine.ScoreAllAsync();
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Hundred_concurrent_redemptions_never_overdraw_the_balance()
    {
        await _engine.Get<RewardStore>().SaveAsync("acme", new Reward { Id = "coffee", Name = "Coffee", Cost = 15 });
        var service = _engine.Get<RedemptionService>();

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => service.RedeemAsync("acme", "c1", "coffee"))));

        Assert.Equal(6, results.Count(r => r.Redeemed is not null)); // 6 × 15 = 90 of 100
        Assert.All(results.Where(r => r.Redeemed is null), r => Assert.Equal(RedemptionFailure.InsufficientPoints, r.Failure));
        Assert.Equal(10, (await _engine.LedgerTotalsAsync("acme"))["customer:c1"].Points);
        Assert.Equal(10, await _engine.ScalarAsync<long>("SELECT balance FROM participant_balances b JOIN participants p ON p.id = b.participant_id WHERE p.external_id = 'c1'"));
        Assert.Equal(6, results.Where(r => r.Redeemed is not null).Select(r => r.Redeemed!.Code).Distinct().Count());
    }

    [Fact]
    public async Task Hundred_concurrent_redemptions_never_oversell_stock_or_the_per_customer_limit()
    {
        await _engine.Get<RewardStore>().SaveAsync("acme", new Reward { Id = "mug", Name = "Mug", Cost = 1, Stock = 3, Kind = "exclusive_offer" });
        await _engine.Get<RewardStore>().SaveAsync("acme", new Reward { Id = "sticker", Name = "Sticker", Cost = 1, PerCustomerLimit = 2 });
        var service = _engine.Get<RedemptionService>();

        var mugs = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => service.RedeemAsync("acme", i % 2 == 0 ? "c1" : "c2", "mug"))));
        var stickers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => service.RedeemAsync("acme", "c1", "sticker"))));

        Assert.Equal(3, mugs.Count(r => r.Redeemed is not null));
        Assert.All(mugs.Where(r => r.Redeemed is null), r => Assert.Equal(RedemptionFailure.OutOfStock, r.Failure));
        Assert.Equal(0, await _engine.ScalarAsync<long>("SELECT stock FROM rewards WHERE id = 'mug'"));
        Assert.Equal(2, stickers.Count(r => r.Redeemed is not null));
        Assert.All(stickers.Where(r => r.Redeemed is null), r => Assert.Equal(RedemptionFailure.LimitReached, r.Failure));
        var ledger = await _engine.LedgerTotalsAsync("acme");
        Assert.Equal(200 - 5, ledger["customer:c1"].Points + ledger["customer:c2"].Points);
    }

    [Fact]
    public async Task Unknown_or_inactive_reward_and_other_tenants_reward_are_not_found()
    {
        await _engine.Get<RewardStore>().SaveAsync("other", new Reward { Id = "coffee", Name = "Coffee", Cost = 1 });
        await _engine.Get<RewardStore>().SaveAsync("acme", new Reward { Id = "old", Name = "Old", Cost = 1 });
        await _engine.Get<RewardStore>().DeactivateAsync("acme", "old");

        Assert.Equal(RedemptionFailure.NotFound, (await _engine.Get<RedemptionService>().RedeemAsync("acme", "c1", "coffee")).Failure);
        Assert.Equal(RedemptionFailure.NotFound, (await _engine.Get<RedemptionService>().RedeemAsync("acme", "c1", "old")).Failure);
        Assert.Empty(await _engine.Get<RewardStore>().ListAsync("acme"));
    }
}
