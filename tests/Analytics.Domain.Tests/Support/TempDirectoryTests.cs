using Analytics.Testing.Files;

namespace Analytics.Domain.Tests.Support;

public sealed class TempDirectoryTests
{
    [Fact]
    public void Constructor_Twice_CreatesTwoEmptyDirectoriesUnderTemp()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        Directory.Exists(first.Path).Should().BeTrue();
        Directory.EnumerateFileSystemEntries(first.Path).Should().BeEmpty();
        first.Path.Should().StartWith(Path.GetTempPath());
        second.Path.Should().NotBe(first.Path);
    }

    [Fact]
    public void Dispose_WithNestedFiles_DeletesEverything()
    {
        var directory = new TempDirectory();
        Directory.CreateDirectory(directory.Combine("a/b"));
        File.WriteAllText(directory.Combine("a/b/c.txt"), "x");

        directory.Dispose();

        Directory.Exists(directory.Path).Should().BeFalse();
    }

    [Fact]
    public void Dispose_Twice_DoesNotThrow()
    {
        var directory = new TempDirectory();
        directory.Dispose();

        var act = directory.Dispose;

        act.Should().NotThrow();
    }

    [Fact]
    public void Combine_PathLeavingDirectory_Throws()
    {
        using var directory = new TempDirectory();

        var act = () => directory.Combine("../escape.txt");

        act.Should().Throw<ArgumentException>();
    }
}
