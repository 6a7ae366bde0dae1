using System.Net;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Hostile;

public sealed class WebhookFuzzTests
{
    private const int Runs = 400;

    [Theory]
    [MemberData(nameof(WebhookRoute.Names), MemberType = typeof(WebhookRoute))]
    public async Task Signed_mutations_of_real_payloads_never_get_a_5xx_and_every_refusal_is_a_problem(string routeName)
    {
        var route = WebhookRoute.Named(routeName);
        using var host = new GameHost();
        var secret = await route.CreateTenantAsync(host, "acme");
        var fixtures = route.Fixtures.Select(Fixtures.Read).ToList();
        using var client = host.CreateClient();
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();

        for (var i = 0; i < Runs; i++)
        {
            var fixture = random.Next(fixtures.Count);
            var mutationSeed = random.Next();
            var body = PayloadMutator.Mutate(fixtures[fixture], mutationSeed);
            using var response = await client.SendAsync(route.Sign("acme", secret, body, new Signing()));
            var code = (int)response.StatusCode;
            statuses[code] = statuses.GetValueOrDefault(code) + 1;
            if (code >= 500 || (code >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
            {
                failures.Add($"{code} for {route.Fixtures[fixture]} mutated with seed {mutationSeed}");
            }
        }

        Assert.True(failures.Count == 0, $"run seed {seed}:\n" + string.Join('\n', failures));
        Assert.True(statuses.GetValueOrDefault(422) > 0, "No mutation was refused: the fuzzer is not biting.");
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
