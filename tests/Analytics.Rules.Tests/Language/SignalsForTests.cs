using Analytics.Rules.Language;

namespace Analytics.Rules.Tests.Language;

/// <summary>A small signal registry for language tests, independent of the catalogue.</summary>
internal static class SignalsForTests
{
    public static SignalLabels Registry { get; } = new(new Dictionary<string, IReadOnlySet<string>?>
    {
        ["a"] = new HashSet<string> { "team" },
        ["b"] = new HashSet<string> { "team" },
        ["per_person"] = new HashSet<string> { "team", "person" },
        ["per_repo"] = new HashSet<string> { "team", "repository" },
        ["loose"] = null,
    });

    public static CheckResult Check(string text, int windowDays = 7)
    {
        var parsed = Parser.Parse(text);
        parsed.Error.Should().BeNull();
        return TypeChecker.Check(parsed.Expression!, Registry, TimeSpan.FromDays(windowDays));
    }
}
