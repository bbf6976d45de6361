using System.Collections;
using Analytics.Host.Cli;
using Analytics.Testing.Time;

namespace Analytics.Host.Tests;

/// <summary>Runs the <c>analytics</c> command line in-process, in a temp working directory, with a fixed clock.</summary>
public sealed class CliHarness : IDisposable
{
    public CliHarness() => Directory.CreateDirectory(WorkingDirectory);

    public string WorkingDirectory { get; } = Path.Combine(Path.GetTempPath(), "analytics-cli-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Monday 16 November 2026, 09:00 UTC: the report week is 9–15 November.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero));

    public Dictionary<string, string> Variables { get; } = [];

    public string PathOf(string relative) => Path.Combine(WorkingDirectory, relative);

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(output, error, WorkingDirectory, new Hashtable(Variables), Time, Interactive: false);
        var exit = await AnalyticsCli.RunAsync(args, environment, CancellationToken.None);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A browser child may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error);
