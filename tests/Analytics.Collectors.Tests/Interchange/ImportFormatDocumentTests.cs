using Analytics.Collectors.Interchange;

namespace Analytics.Collectors.Tests.Interchange;

public sealed class ImportFormatDocumentTests
{
    [Fact]
    public void ImportFormatDoc_EntityReference_MatchesTheEntityMaps()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "import-format.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = document.IndexOf(ImportFormatReference.BeginMarker, StringComparison.Ordinal);
        var end = document.IndexOf(ImportFormatReference.EndMarker, StringComparison.Ordinal);

        start.Should().BeGreaterThan(0, "docs/import-format.md must hold the generated reference between its markers");
        var actual = document[(start + ImportFormatReference.BeginMarker.Length)..end];
        actual.Should().Be(ImportFormatReference.Render() + "\n",
            "docs/import-format.md is out of date: paste the output of ImportFormatReference.Render() between the markers");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analytics.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Analytics.sln) above " + AppContext.BaseDirectory);
    }
}
