using System.CommandLine;

namespace Analytics.Host.Cli;

/// <summary>The options every command accepts.</summary>
internal sealed class GlobalOptions
{
    /// <summary><c>--store</c>: overrides <c>Store:Location</c>.</summary>
    public Option<string?> Store { get; } = new("--store")
    {
        Description = "The store: a SQLite file path or a PostgreSQL URL (postgresql://user@host:5432/db). Default: Store:Location in the settings (data/analytics.db).",
        Recursive = true,
    };

    /// <summary><c>--config</c>: the settings file.</summary>
    public Option<string?> Config { get; } = new("--config")
    {
        Description = "The settings file (default: config/analytics.json when present). ANALYTICS__SECTION__KEY environment variables override it.",
        Recursive = true,
    };

    /// <summary><c>--teams</c>: overrides <c>Teams:File</c>.</summary>
    public Option<string?> Teams { get; } = new("--teams")
    {
        Description = "The teams file (default: Teams:File in the settings, config/teams.yaml).",
        Recursive = true,
    };

    /// <summary><c>--verbose</c>: more detail on errors.</summary>
    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Show more detail, including stack traces of internal errors.",
        Recursive = true,
    };

    /// <summary>Adds the options to the root command.</summary>
    public void AddTo(Command root)
    {
        root.Options.Add(Store);
        root.Options.Add(Config);
        root.Options.Add(Teams);
        root.Options.Add(Verbose);
    }

    /// <summary>A <c>--json</c> option for a command that prints data.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print machine-readable JSON instead of a table." };
}
