using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HelpdeskGamify.Connector.Tests.Storage.SqlServer;

/// <summary>
/// Every <c>new CommandDefinition(sql, parameters, …)</c> in the Connector's source, read with Roslyn's
/// semantic model: which SQL it sends (a constant, or an <c>ISqlDialect</c> member) and the property
/// names of the object Dapper turns into parameters. Reading the call sites means a helper who adds
/// a statement gets it checked without registering anything.
/// </summary>
internal static class ConnectorCallSites
{
    private static readonly Lazy<IReadOnlyList<CallSite>> All = new(Read);

    public static IReadOnlyList<CallSite> Sites => All.Value;

    // What the SDK's ImplicitUsings adds to the real build (the generated file lives under obj/).
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static List<CallSite> Read()
    {
        var root = RepositoryRoot();
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src", "Connector"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.Preview), f))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, new CSharpParseOptions(LanguageVersion.Preview)))
            .ToList();
        var compilation = CSharpCompilation.Create("ConnectorSourceCheck", sources, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var sites = new List<CallSite>();
        foreach (var tree in sources)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var creation in tree.GetRoot().DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
            {
                if (model.GetTypeInfo(creation).Type?.Name != "CommandDefinition" || creation.ArgumentList is not { Arguments.Count: > 0 } args)
                {
                    continue;
                }
                var sql = args.Arguments[0].Expression;
                var parameters = args.Arguments.Skip(1).FirstOrDefault(a => a.NameColon is null || a.NameColon.Name.Identifier.Text == "parameters");
                var where = $"{Path.GetFileName(tree.FilePath)}:{tree.GetLineSpan(creation.Span).StartLinePosition.Line + 1}";
                var anonymous = parameters is not null && model.GetTypeInfo(parameters.Expression).Type?.IsAnonymousType == true;
                var names = ParameterNames(model, parameters?.Expression);
                var symbol = model.GetSymbolInfo(sql).Symbol;
                if (symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol helper } forwarded)
                {
                    // A small helper that runs whichever statement its caller names: check each caller's statement.
                    sites.AddRange(StatementsPassedTo(compilation, sources, helper, forwarded)
                        .Select(s => new CallSite($"{where} via {s.Where}", s.Statement, names, anonymous)));
                    continue;
                }
                sites.Add(new CallSite(where, Statement(symbol), names, anonymous));
            }
        }
        // CS8795: partial methods that source generators ([GeneratedRegex]) implement in the real build.
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795").Take(5).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The Connector sources did not compile for the check: " + string.Join("; ", errors));
        }
        return sites;
    }

    private static IEnumerable<(string Where, string? Statement)> StatementsPassedTo(
        CSharpCompilation compilation, IEnumerable<SyntaxTree> trees, IMethodSymbol helper, IParameterSymbol parameter)
    {
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(call).Symbol?.OriginalDefinition, helper.OriginalDefinition))
                {
                    continue;
                }
                var argument = call.ArgumentList.Arguments
                    .Where((a, i) => a.NameColon?.Name.Identifier.Text == parameter.Name || (a.NameColon is null && i == parameter.Ordinal))
                    .FirstOrDefault();
                var where = $"{Path.GetFileName(tree.FilePath)}:{tree.GetLineSpan(call.Span).StartLinePosition.Line + 1}";
                yield return (where, argument is null ? null : Statement(model.GetSymbolInfo(argument.Expression).Symbol));
            }
        }
    }

    /// <summary>"Type.Constant" for a constant, "ISqlDialect.Member" for a dialect statement, null when computed at run time.</summary>
    private static string? Statement(ISymbol? symbol) => symbol switch
    {
        IFieldSymbol { HasConstantValue: true } field => $"{field.ContainingType.Name}.{field.Name}",
        IPropertySymbol property when property.ContainingType.Name == "ISqlDialect" => $"ISqlDialect.{property.Name}",
        _ => null,
    };

    /// <summary>The readable public properties Dapper would bind, or an empty set when no object is passed.</summary>
    private static IReadOnlySet<string>? ParameterNames(SemanticModel model, ExpressionSyntax? expression)
    {
        if (expression is null || expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression })
        {
            return new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        }
        var type = model.GetTypeInfo(expression).Type;
        if (type is null || type.Name == "DynamicParameters")
        {
            return null;
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var p in t.GetMembers().OfType<IPropertySymbol>())
            {
                if (!p.IsStatic && p.GetMethod is not null && (p.DeclaredAccessibility == Accessibility.Public || type.IsAnonymousType) && !p.IsIndexer)
                {
                    names.Add(p.Name);
                }
            }
        }
        return names;
    }

    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator);
        var local = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll");
        return platform.Concat(local)
            .Where(p => p.Length > 0 && !Path.GetFileName(p).StartsWith("HelpdeskGamify.", StringComparison.Ordinal))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => MetadataReference.CreateFromFile(g.First()));
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HelpdeskGamify.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("HelpdeskGamify.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// One call site: where, which statement (null if computed), the parameter names (null if not knowable),
/// and whether they come from an anonymous object made for this call (rather than a record shared by several statements).
/// </summary>
internal sealed record CallSite(string Where, string? Statement, IReadOnlySet<string>? Parameters, bool Anonymous);
