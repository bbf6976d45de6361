using System.Text.Json;

namespace Analytics.Host.Tests.BusFactor;

public sealed class BusFactorCommandTests : IDisposable
{
    // The harness's clock is 16 November 2026; commits are a few days before, so folders count as actively changed.
    private static readonly DateTimeOffset Day = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly CliHarness _cli = new();
    private readonly GitHistory _git;

    public BusFactorCommandTests() => _git = new GitHistory(_cli.PathOf("repo"));

    [Fact]
    public async Task BusFactor_OneAuthor_PrintsTruckFactorOneAndTheAuthor()
    {
        _git.Commit("Ada", "ada@example.com", Day, "src/a.cs", "src/b.cs", "src/c.cs");

        var result = await _cli.RunAsync("busfactor", "repo");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("truck factor 1").And.Contain("3 files").And.Contain("Ada").And.Contain("100 %");
    }

    [Fact]
    public async Task BusFactor_AtPastCommit_GivesTheOlderAnswer()
    {
        // First commit: Ada's 4 files → TF 1. Then Bob adds 4 files: Ada 4 and Bob 4 of 8 → remove Ada (smaller id),
        // 4/8 = 0.5 is not below 0.5 → remove Bob → TF 2.
        var first = _git.Commit("Ada", "ada@example.com", Day, "a/1.cs", "a/2.cs", "a/3.cs", "a/4.cs");
        _git.Commit("Bob", "bob@example.com", Day.AddDays(1), "b/1.cs", "b/2.cs", "b/3.cs", "b/4.cs");

        var now = await JsonOf("busfactor", "repo", "--json");
        var then = await JsonOf("busfactor", "repo", "--json", "--at", first);
        var byDate = await JsonOf("busfactor", "repo", "--json", "--at", "2026-11-02");

        now.GetProperty("repository").GetProperty("truckFactor").GetInt32().Should().Be(2);
        then.GetProperty("repository").GetProperty("truckFactor").GetInt32().Should().Be(1);
        then.GetProperty("head").GetString().Should().Be(first);
        then.GetProperty("repository").GetProperty("files").GetInt32().Should().Be(4);
        byDate.GetProperty("repository").GetProperty("truckFactor").GetInt32().Should().Be(1);
        byDate.GetProperty("commits").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task BusFactor_MailmapAliases_CountAsOnePerson()
    {
        // Ada commits under two names and e-mails; .mailmap maps the second to the first, so she authors all 4 files
        // (TF 1, one author) instead of two people with 2 each (TF 2).
        _git.Commit("Ada", "ada@example.com", Day, "a/1.cs", "a/2.cs");
        _git.Commit("A. L.", "al@old.example", Day.AddHours(1), "b/1.cs", "b/2.cs");
        File.WriteAllText(Path.Combine(_git.Path, ".mailmap"), "Ada <ada@example.com> <al@old.example>\n");

        var result = await JsonOf("busfactor", "repo", "--json");

        var repository = result.GetProperty("repository");
        repository.GetProperty("truckFactor").GetInt32().Should().Be(1);
        repository.GetProperty("authors")[0].GetProperty("files").GetInt32().Should().Be(4);
        repository.GetProperty("authors")[0].GetProperty("contributor").GetProperty("accounts").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task BusFactor_Rename_KeepsAuthorship()
    {
        // Ada writes 2 files; Bob moves them to new/ (one delivery each: Ada 4.391 − 0.321·ln 2 = 4.168, Bob 3.457,
        // 3.457 / 4.168 = 0.83 > 0.75 → both author them). Ada stays an author of the moved files.
        _git.Commit("Ada", "ada@example.com", Day, "old/x.cs", "old/y.cs");
        _git.Run("Bob", "bob@example.com", Day.AddHours(1), "mv", "old", "new");
        _git.Run("Bob", "bob@example.com", Day.AddHours(1), "commit", "--quiet", "-m", "move");

        var result = await JsonOf("busfactor", "repo", "--json", "--leaves", "ada@example.com");

        result.GetProperty("repository").GetProperty("files").GetInt32().Should().Be(2);
        var leaves = result.GetProperty("leaves");
        leaves.GetProperty("authoredFiles").GetInt32().Should().Be(2);
        leaves.GetProperty("orphanedFiles").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task BusFactor_SiloAndLeaves_ArePrinted()
    {
        // lib/ is Cy's alone (5 files, changed this month): a silo. Cy leaving orphans them and tips lib/ over half.
        _git.Commit("Ada", "ada@example.com", Day, "app/1.cs", "app/2.cs", "app/3.cs", "app/4.cs", "app/5.cs");
        _git.Commit("Bob", "bob@example.com", Day, "web/1.cs", "web/2.cs", "web/3.cs", "web/4.cs", "web/5.cs");
        _git.Commit("Cy", "cy@example.com", Day, "lib/1.cs", "lib/2.cs", "lib/3.cs", "lib/4.cs", "lib/5.cs");

        var result = await _cli.RunAsync("busfactor", "repo", "--folders", "--leaves", "Cy");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("Knowledge silos").And.Contain("lib/");
        result.Output.Should().Contain("If Cy leaves: 5 of the 5 files they author lose their last author");
    }

    [Fact]
    public async Task BusFactor_UnknownRevisionOrPerson_IsAUserError()
    {
        _git.Commit("Ada", "ada@example.com", Day, "a.cs");

        var revision = await _cli.RunAsync("busfactor", "repo", "--at", "no-such-branch");
        var person = await _cli.RunAsync("busfactor", "repo", "--leaves", "Adaa");

        revision.ExitCode.Should().Be(2);
        revision.Error.Should().Contain("'no-such-branch' names no commit");
        person.ExitCode.Should().Be(2);
        person.Error.Should().Contain("nobody named 'Adaa'").And.Contain("did you mean 'Ada'");
    }

    public void Dispose() => _cli.Dispose();

    private async Task<JsonElement> JsonOf(params string[] args)
    {
        var result = await _cli.RunAsync(args);
        result.ExitCode.Should().Be(0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }
}
