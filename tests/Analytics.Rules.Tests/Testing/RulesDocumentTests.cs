using System.Text.RegularExpressions;
using Analytics.Rules.Language;
using Analytics.Rules.Testing;
using Analytics.Testing.Files;

namespace Analytics.Rules.Tests.Testing;

public sealed partial class RulesDocumentTests
{
    private static readonly string Document = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "rules.md"));

    [Fact]
    public void RulesDoc_EveryFunctionAndAggregator_IsDocumented()
    {
        foreach (var function in FunctionInfo.All)
        {
            Document.Should().Contain($"`{function.Signature}`", "docs/rules.md lists every function");
        }

        foreach (var aggregator in Parser.Aggregators)
        {
            Document.Should().Contain($"`{aggregator}`");
        }
    }

    [Fact]
    public void RulesDoc_WorkedExample_LoadsAndItsTestPasses()
    {
        // The first two YAML blocks are the worked example's rule file and its test: they must work as printed.
        var blocks = YamlBlock().Matches(Document).Select(m => Dedent(m.Groups[1].Value)).ToList();
        using var folder = new TempDirectory();
        File.WriteAllText(folder.Combine("first-review.yaml"), blocks[0]);
        File.WriteAllText(folder.Combine("first-review.test.yaml"), blocks[1]);

        var run = RuleTestRunner.RunAll(folder.Path, SignalLabels.Catalog);

        run.Diagnostics.Should().BeEmpty();
        run.Results.Should().ContainSingle().Which.Failures.Should().BeEmpty();
    }

    private static string Dedent(string block)
    {
        var lines = block.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [GeneratedRegex("```yaml\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
