using System.Text.RegularExpressions;

namespace HelpdeskGamify.AgentHub.Tests.Infra;

/// <summary>
/// What can be checked of the deployment files without a cluster or a container engine: structure
/// and the settings scale-out depends on always; a real YAML parse and <c>docker compose config</c>
/// when python3-yaml or a compose client is installed (skipped otherwise, even in CI, because neither
/// is a product prerequisite).
/// </summary>
public sealed partial class InfraManifestTests
{
    [Fact]
    public void Kubernetes_manifests_are_well_formed_objects()
    {
        var documents = InfraFiles.KubernetesManifests().SelectMany(f => DocumentsOf(f).Select(d => (File: Path.GetFileName(f), Text: d))).ToList();
        Assert.True(documents.Count >= 6, "expected the Deployment, Service, Ingress, PDB, Secret and kustomization");
        foreach (var (file, text) in documents)
        {
            Assert.DoesNotContain('\t', text);
            Assert.Matches(TopLevel("apiVersion"), text);
            Assert.Matches(TopLevel("kind"), text);
            if (!text.Contains("kind: Kustomization", StringComparison.Ordinal))
            {
                Assert.Matches(MetadataName(), text);
            }
            Assert.True(text.Split('\n').All(l => (l.Length - l.TrimStart(' ').Length) % 2 == 0), $"{file}: odd indentation");
        }
        var kinds = documents.Select(d => TopLevel("kind").Match(d.Text).Groups[1].Value.Trim()).ToHashSet();
        Assert.Superset(new HashSet<string> { "Deployment", "Service", "Ingress", "Secret", "PodDisruptionBudget" }, kinds);
    }

    [Fact]
    public void Deployment_probes_the_health_endpoints_and_reads_every_secret_setting()
    {
        var deployment = File.ReadAllText(InfraFiles.Path("k8s", "deployment.yaml"));
        var secret = File.ReadAllText(InfraFiles.Path("k8s", "secrets.example.yaml"));

        Assert.Matches(@"livenessProbe:\s+httpGet:\s+path: /health/live", deployment);
        Assert.Matches(@"readinessProbe:\s+httpGet:\s+path: /health/ready", deployment);
        Assert.Contains("secretRef:\n                name: helpdeskgamify", deployment, StringComparison.Ordinal);
        foreach (var setting in new[] { "Admin__ApiKey", "Auth__SigningKey", "Storage__ConnectionString", "Redis__ConnectionString" })
        {
            Assert.Contains($"  {setting}:", secret, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Ingress_and_proxy_keep_hub_clients_on_one_node_and_pass_websockets()
    {
        var ingress = File.ReadAllText(InfraFiles.Path("k8s", "ingress.yaml"));
        var nginx = File.ReadAllText(InfraFiles.Path("nginx", "nginx.conf"));

        Assert.Contains("nginx.ingress.kubernetes.io/affinity: cookie", ingress, StringComparison.Ordinal);
        Assert.Contains("ip_hash;", nginx, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header Upgrade $http_upgrade;", nginx, StringComparison.Ordinal);
        Assert.Contains("location /hubs/", nginx, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Kubernetes_manifests_parse_as_YAML()
    {
        var python = InfraFiles.Run("python3", ["-c", "import yaml"]);
        Skip.If(python is not { ExitCode: 0 }, "python3 with PyYAML is not installed");
        var files = InfraFiles.KubernetesManifests().Append(InfraFiles.Path("compose.yaml")).ToList();
        var result = InfraFiles.Run("python3", ["-c",
            "import sys, yaml\nfor f in sys.argv[1:]:\n    docs = [d for d in yaml.safe_load_all(open(f)) if d is not None]\n    assert docs, f\n    print(f, len(docs))",
            .. files]);
        Assert.True(result is { ExitCode: 0 }, result?.Output);
    }

    [SkippableFact]
    public void Compose_file_is_valid_for_the_compose_client()
    {
        var env = new Dictionary<string, string>
        {
            ["HG_ADMIN_API_KEY"] = "k", ["HG_AUTH_SIGNING_KEY"] = "s", ["HG_SQL_SA_PASSWORD"] = "p", ["HG_SQL_APP_PASSWORD"] = "a",
        };
        var compose = InfraFiles.Run("docker", ["compose", "-f", InfraFiles.Path("compose.yaml"), "config", "--quiet"], env);
        if (compose is not { ExitCode: 0 } && (compose is null || compose.Value.Output.Contains("unknown", StringComparison.OrdinalIgnoreCase)))
        {
            compose = InfraFiles.Run("docker-compose", ["-f", InfraFiles.Path("compose.yaml"), "config", "--quiet"], env);
        }
        Skip.If(compose is null, "no docker compose client is installed");
        Assert.True(compose.Value.ExitCode == 0, compose.Value.Output);
    }

    private static IEnumerable<string> DocumentsOf(string file) =>
        DocumentSeparator().Split(File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal))
            .Where(d => d.Split('\n').Any(l => l.Length > 0 && !l.StartsWith('#')));

    private static Regex TopLevel(string key) => new($"(?m)^{key}:(.+)$");

    [GeneratedRegex(@"(?m)^metadata:\n(  .*\n)*?  name: [a-z0-9-]+")]
    private static partial Regex MetadataName();

    [GeneratedRegex(@"(?m)^---\s*$")]
    private static partial Regex DocumentSeparator();
}
