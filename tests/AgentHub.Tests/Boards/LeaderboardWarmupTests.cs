using System.Net;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskGamify.AgentHub.Tests.Boards;

public sealed class LeaderboardWarmupTests
{
    [Fact]
    public async Task Ready_answers_while_the_warm_up_is_still_running()
    {
        var plan = new HeldPlan();
        using var host = new HeldWarmupHost(plan);
        using var client = host.CreateClient();

        await plan.Asked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using (var ready = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
        var board = new BoardKey("acme", "agents", "all");
        Assert.False(host.Service<LeaderboardIndex>().IsLoaded(board));

        plan.Release([(board, 1)]);

        await GameHost.WaitUntilAsync(() => Task.FromResult(host.Service<LeaderboardIndex>().IsLoaded(board)), what: "the planned board to load");
    }

    [Fact]
    public async Task A_restarted_node_loads_its_boards_before_anyone_reads_them()
    {
        using var first = new GameHost();
        var secret = await first.CreateZendeskTenantAsync("acme");
        await Scenario.SolveAsync(first, "acme", secret, "1", "9001", "Ingrid", "Tier 1");
        await Scenario.WaitForPointsAsync(first, "acme", "9001", 10);

        using var restarted = new GameHost(new Dictionary<string, string?> { ["Storage:DataDirectory"] = first.DataDirectory });
        var index = restarted.Service<LeaderboardIndex>();
        var board = new BoardKey("acme", "agents", "all");

        await GameHost.WaitUntilAsync(() => Task.FromResult(index.IsLoaded(board)), TimeSpan.FromSeconds(30), "the warm-up to load the agents board");
        Assert.Equal(0, await index.ReadAsync(board, set => set.RankOf("9001")));
    }

    [Fact]
    public async Task Warm_up_can_be_switched_off()
    {
        var plan = new HeldPlan();
        using var host = new HeldWarmupHost(plan, new Dictionary<string, string?> { ["Leaderboards:WarmUpMembers"] = "0" });
        var warmup = host.Service<IEnumerable<Microsoft.Extensions.Hosting.IHostedService>>().OfType<LeaderboardWarmup>().Single();

        // Switched on, the service would still be waiting for the plan here (see the first test).
        await warmup.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(plan.Asked.Task.IsCompleted);
    }

    [Fact]
    public async Task The_plan_of_a_fresh_install_is_empty_and_then_lists_the_boards_biggest_first()
    {
        using var host = new GameHost();
        var plan = host.Service<IBoardWarmupPlan>();
        var periods = new[] { "all" };

        // Nothing scored yet: the real plan reads an empty table (a fresh install's first start).
        Assert.Empty(await plan.BoardsAsync(periods, CancellationToken.None));
        var warmup = host.Service<IEnumerable<Microsoft.Extensions.Hosting.IHostedService>>().OfType<LeaderboardWarmup>().Single();
        await warmup.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(warmup.ExecuteTask.IsCompletedSuccessfully);

        var secret = await host.CreateZendeskTenantAsync("acme");
        await Scenario.SolveAsync(host, "acme", secret, "1", "9001", "Ingrid", "Tier 1");
        await Scenario.SolveAsync(host, "acme", secret, "2", "9002", "Ola", "Tier 1");
        await Scenario.WaitForPointsAsync(host, "acme", "9002", 10);

        var boards = await plan.BoardsAsync(periods, CancellationToken.None);
        Assert.Contains((new BoardKey("acme", "agents", "all"), 2), boards);
        Assert.Equal(boards.OrderByDescending(b => b.Members).Select(b => b.Members), boards.Select(b => b.Members));
    }

    private sealed class HeldPlan : IBoardWarmupPlan
    {
        private readonly TaskCompletionSource<IReadOnlyList<(BoardKey Board, int Members)>> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release(IReadOnlyList<(BoardKey Board, int Members)> boards) => _answer.TrySetResult(boards);

        public Task<IReadOnlyList<(BoardKey Board, int Members)>> BoardsAsync(IReadOnlyList<string> periodKeys, CancellationToken ct)
        {
            Asked.TrySetResult();
            return _answer.Task.WaitAsync(ct);
        }
    }

    private sealed class HeldWarmupHost(HeldPlan plan, IReadOnlyDictionary<string, string?>? settings = null) : GameHost(settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IBoardWarmupPlan>(plan));
        }
    }
}
