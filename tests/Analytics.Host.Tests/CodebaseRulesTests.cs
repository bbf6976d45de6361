using System.Text.RegularExpressions;
using Analytics.Testing.Files;

namespace Analytics.Host.Tests;

/// <summary>House rules that the compiler does not check.</summary>
public sealed partial class CodebaseRulesTests
{
    [Fact]
    public void Sources_ReadTimeOnlyThroughAnInjectedTimeProvider()
    {
        // Time comes from TimeProvider so tests control it; TimeProvider.System appears only at the composition root.
        var offences = SourceFiles()
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => !l.line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Where(l => ClockPattern().IsMatch(l.line)
                || (l.line.Contains("TimeProvider.System", StringComparison.Ordinal) && !l.file.EndsWith("CliEnvironment.cs", StringComparison.Ordinal)))
            .Select(l => $"{Path.GetRelativePath(RepositoryFiles.Root, l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        offences.Should().BeEmpty();
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b")]
    private static partial Regex ClockPattern();

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
}
