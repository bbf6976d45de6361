using System.Text.Json;

namespace Analytics.Host.Tests;

public sealed class ImportExportCommandTests : IDisposable
{
    private const string Header = "source,source_id,pull_request_id,reviewer,state,submitted_at";
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Import_SameFileTwice_SecondReportsNothingChanged()
    {
        await File.WriteAllTextAsync(_cli.PathOf("reviews.csv"), $"{Header}\ngithub,1,acme/api#1,bob,approved,2026-11-02T10:00:00Z\ngithub,2,acme/api#1,eve,commented,2026-11-02T11:00:00+01:00\n");

        var first = await _cli.RunAsync("import", "reviews", "reviews.csv", "--json");
        var second = await _cli.RunAsync("import", "reviews", "reviews.csv", "--json");

        first.ExitCode.Should().Be(0, first.Error);
        Changed(first.Output).Should().Be(2);
        second.ExitCode.Should().Be(0);
        Changed(second.Output).Should().Be(0);
        File.Exists(_cli.PathOf("data/analytics.db")).Should().BeTrue("the default store is data/analytics.db under the working directory");
    }

    [Fact]
    public async Task Import_MalformedRow_ExitsTwoNamingFileLineAndFieldAndStoresNothing()
    {
        await File.WriteAllTextAsync(_cli.PathOf("reviews.csv"), $"{Header}\ngithub,1,acme/api#1,bob,approved,2026-11-02T10:00:00Z\ngithub,2,acme/api#1,eve,lgtm,2026-11-02T11:00:00Z\n");

        var result = await _cli.RunAsync("import", "reviews", "reviews.csv");
        var export = await _cli.RunAsync("export", "reviews");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("error: reviews.csv:3: field 'state': 'lgtm' is not one of: approved, changes_requested, commented, dismissed");
        export.Output.Trim().Should().Be(Header, "the valid first row must not be stored either");
    }

    [Fact]
    public async Task Export_ToFile_WritesWhatImportReads()
    {
        await File.WriteAllTextAsync(_cli.PathOf("in.jsonl"), "{\"source\":\"github\",\"source_id\":\"1\",\"pull_request_id\":\"p\",\"reviewer\":\"bob\",\"state\":\"approved\",\"submitted_at\":\"2026-11-02T10:00:00Z\"}\n");
        (await _cli.RunAsync("import", "reviews", "in.jsonl")).ExitCode.Should().Be(0);

        var export = await _cli.RunAsync("export", "reviews", "--format", "jsonl", "--output", "out.jsonl");

        export.ExitCode.Should().Be(0, export.Error);
        (await File.ReadAllTextAsync(_cli.PathOf("out.jsonl"))).Should().Be(await File.ReadAllTextAsync(_cli.PathOf("in.jsonl")));
        File.Exists(_cli.PathOf("out.jsonl.partial")).Should().BeFalse();
    }

    [Theory]
    [InlineData(new[] { "import", "reviewz", "x.csv" }, "unknown entity 'reviewz'; did you mean 'reviews'?")]
    [InlineData(new[] { "import" }, "Required argument 'entity' missing")]
    [InlineData(new[] { "export", "reviews", "--format", "xml" }, "Argument 'xml' not recognized")]
    [InlineData(new[] { "frobnicate" }, "Unrecognized command or argument 'frobnicate'")]
    public async Task Run_UsageErrors_ExitTwoWithOneLineThatSaysWhatToFix(string[] args, string expected)
    {
        var result = await _cli.RunAsync(args);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(expected);
        result.Error.Should().NotContain("   at ", "no stack trace without --verbose");
    }

    [Fact]
    public async Task Run_Help_ExitsZeroAndListsCommands()
    {
        var result = await _cli.RunAsync("--help");

        result.ExitCode.Should().Be(0);
        result.Output.Should().ContainAll("demo", "import", "export", "entities", "collect", "status", "config");
    }

    private static int Changed(string json) =>
        JsonDocument.Parse(json).RootElement[0].GetProperty("changed").GetInt32();
}
