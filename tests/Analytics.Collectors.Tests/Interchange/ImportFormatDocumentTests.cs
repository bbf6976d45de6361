using Analytics.Collectors.Interchange;
using Analytics.Testing.Files;

namespace Analytics.Collectors.Tests.Interchange;

public sealed class ImportFormatDocumentTests
{
    [Fact]
    public void ImportFormatDoc_EntityReference_MatchesTheEntityMaps()
    {
        var path = Path.Combine(RepositoryFiles.Root, "docs", "import-format.md");
        var document = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = document.IndexOf(ImportFormatReference.BeginMarker, StringComparison.Ordinal);
        var end = document.IndexOf(ImportFormatReference.EndMarker, StringComparison.Ordinal);

        start.Should().BeGreaterThan(0, "docs/import-format.md must hold the generated reference between its markers");
        var expected = ImportFormatReference.Render() + "\n";
        if (Environment.GetEnvironmentVariable("ANALYTICS_UPDATE_DOCS") == "1")
        {
            // A developer's explicit request to rewrite the generated section after changing an entity map.
            document = document[..(start + ImportFormatReference.BeginMarker.Length)] + expected + document[end..];
            File.WriteAllText(path, document);
            return;
        }

        var actual = document[(start + ImportFormatReference.BeginMarker.Length)..end];
        actual.Should().Be(expected,
            "docs/import-format.md is out of date: run this test with ANALYTICS_UPDATE_DOCS=1 to regenerate it");
    }
}
