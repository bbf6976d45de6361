using System.Collections;

namespace Analytics.Host.Cli;

/// <summary>What a command may touch of the outside world; tests pass their own.</summary>
/// <param name="Out">Where data goes (tables, JSON, exports).</param>
/// <param name="Error">Where errors, progress and hints go, so <see cref="Out"/> stays clean for pipes.</param>
/// <param name="WorkingDirectory">Where relative paths are resolved.</param>
/// <param name="Variables">The environment variables.</param>
/// <param name="Time">The clock.</param>
/// <param name="Interactive">Whether a person is watching a terminal (progress bars are drawn only then).</param>
internal sealed record CliEnvironment(
    TextWriter Out,
    TextWriter Error,
    string WorkingDirectory,
    IDictionary Variables,
    TimeProvider Time,
    bool Interactive)
{
    /// <summary>The real process environment.</summary>
    public static CliEnvironment FromProcess() => new(
        Console.Out,
        Console.Error,
        Directory.GetCurrentDirectory(),
        Environment.GetEnvironmentVariables(),
        TimeProvider.System,
        !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null);

    /// <summary>Resolves a path given on the command line.</summary>
    public string PathOf(string path) => Path.GetFullPath(path, WorkingDirectory);
}
