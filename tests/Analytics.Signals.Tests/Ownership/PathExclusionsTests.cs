using Analytics.Collectors.Simulation;
using Analytics.Signals.Ownership;

namespace Analytics.Signals.Tests.Ownership;

/// <summary>
/// <see cref="PathExclusions"/> (the patterns as one non-backtracking expression) excludes exactly the paths one of
/// its <see cref="PathGlob"/>s matches, as the ledger tested them before: over every path of a simulated organisation
/// (seed 46) and paths made to probe the corners of the expressions (folders at the start, the end and nested, names
/// that only nearly match, a trailing line break, which <c>$</c> lets a match end before, other line breaks, which
/// <c>.</c> does not cross).
/// </summary>
public sealed class PathExclusionsTests
{
    private static readonly string[] Probes =
    [
        "", "a", "README.md", "docs", "docs/", "docs/a.cs", "src/docs/a.cs", "doc/x", "Documentation/y/z.txt", "vendor/a.js",
        "src/vendor/a/b.js", "src/vendors.js", "vendors/x", "a/node_modules/b/c.js", "node_modules", "x.min.js", "a/b.min.css",
        "a/b.min.jsx", "a/package-lock.json", "package-lock.json.bak", "LICENSE", "LICENSE.txt", "a/LICENSEx", "src/licence",
        "a/b.Designer.cs", "b.designer.cs", "a/x.g.cs", "a/x.generated.ts", "a/x.generatedts", "a/packages/p.nupkg",
        "a/packages/b/p.nupkg", "x.md\n", "docs/a\nb", "a\nb.md", "vendor\n/a", "a/vendor/\n", "img/logo.PNG", "img/logo.png",
        "src/Main.kt", "a/b/c/d/e/f/g/h.woff2", "a/b.woff22", "src/a_pb2.py", "src/pb2.py", "Pods/x", "x/Carthage/y/z",
    ];

    [Fact]
    public void IsMatch_DefaultExclusions_MatchesWhereAnyGlobMatches()
    {
        var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), Seed = 46 });
        var paths = organisation.FileChanges.Select(c => c.Path).Concat(Probes).Distinct(StringComparer.Ordinal).ToList();

        var matched = AssertSameAsGlobs(TruckFactorOptions.DefaultExclusions, paths);

        // Both outcomes occur often: the comparison is not between two always-false or always-true answers.
        matched.Should().BeGreaterThan(15);
        (paths.Count - matched).Should().BeGreaterThan(100);
    }

    [Fact]
    public void IsMatch_OtherLists_MatchWhereAnyGlobMatches()
    {
        AssertSameAsGlobs(["src/?.cs", "src/*.cs", "**/test/**", "*.kt"], Probes.Append("src/a.cs").Append("src/ab.cs").Append("src/a/b.cs").Append("x/test/y").ToList())
            .Should().BeGreaterThan(3);
        AssertSameAsGlobs([], Probes).Should().Be(0);
    }

    [Fact]
    public void Of_SameList_IsBuiltOnce() =>
        PathExclusions.Of(["a/**", "b"]).Should().BeSameAs(PathExclusions.Of(new List<string> { "a/**", "b" }));

    [Fact]
    public void Of_BlankPattern_Throws() =>
        FluentActions.Invoking(() => PathExclusions.Of(["a/**", " "])).Should().Throw<ArgumentException>();

    private static int AssertSameAsGlobs(IReadOnlyList<string> patterns, IReadOnlyList<string> paths)
    {
        var globs = patterns.Select(p => new PathGlob(p)).ToList();
        var exclusions = PathExclusions.Of(patterns);
        var matched = 0;
        foreach (var path in paths)
        {
            var expected = globs.Any(g => g.IsMatch(path));
            exclusions.IsMatch(path).Should().Be(expected, $"'{path}'");
            matched += expected ? 1 : 0;
        }

        return matched;
    }
}
