using System.CommandLine;
using Analytics.Domain.People;
using Analytics.Host.Configuration;
using Analytics.Storage;
using Spectre.Console;

namespace Analytics.Host.Cli;

/// <summary>One command's run: its parsed options, settings, teams and store, opened on first use.</summary>
internal sealed class CommandSession(ParseResult parse, GlobalOptions global, CliEnvironment environment) : IAsyncDisposable
{
    private AnalyticsSettings? _settings;
    private TeamsConfiguration? _teams;
    private IStore? _store;

    /// <summary>The parsed command line.</summary>
    public ParseResult Parse { get; } = parse;

    /// <summary>The outside world.</summary>
    public CliEnvironment Environment { get; } = environment;

    /// <summary>The settings, loaded on first use.</summary>
    public AnalyticsSettings Settings =>
        _settings ??= SettingsLoader.Load(Parse.GetValue(global.Config), Environment.WorkingDirectory, Environment.Variables);

    /// <summary>The teams file's contents; empty when the file does not exist.</summary>
    public TeamsConfiguration Teams
    {
        get
        {
            if (_teams is null)
            {
                var path = Environment.PathOf(Parse.GetValue(global.Teams) ?? Settings.Teams.File);
                if (Parse.GetValue(global.Teams) is { } given && !File.Exists(path))
                {
                    throw new UserErrorException($"--teams: no such file: {given}");
                }

                _teams = File.Exists(path) ? TeamsFile.Read(path) : TeamsConfiguration.Empty;
            }

            return _teams;
        }
    }

    /// <summary>A console on the error stream for progress and status, drawn only when a person is watching.</summary>
    public IAnsiConsole Status { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(environment.Error),
        Interactive = environment.Interactive ? InteractionSupport.Yes : InteractionSupport.No,
        Ansi = environment.Interactive ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = environment.Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
    });

    /// <summary>
    /// Runs <paramref name="work"/> with progress bars on stderr when a person is watching; in pipes and CI the bars
    /// would only be noise, so <paramref name="work"/> then gets a sink that ignores them.
    /// </summary>
    public Task WithProgressAsync(Func<Action<string, double, double>, Task> work)
    {
        if (!Environment.Interactive)
        {
            return work((_, _, _) => { });
        }

        return Status.Progress().AutoClear(true).StartAsync(context =>
        {
            var tasks = new Dictionary<string, ProgressTask>();
            return work((name, value, max) =>
            {
                if (!tasks.TryGetValue(name, out var task))
                {
                    tasks[name] = task = context.AddTask(Markup.Escape(name), maxValue: Math.Max(1, max));
                }

                task.Value = value;
            });
        });
    }

    /// <summary>A console on the output stream for tables (wide when piped, so tables are not folded at 80 columns).</summary>
    public IAnsiConsole Output { get; } = CreateOutput(environment);

    /// <summary>The store location: <c>--store</c>, else <c>Store:Location</c>.</summary>
    public StoreLocation ResolveStoreLocation(string? fallback = null)
    {
        var text = Parse.GetValue(global.Store) ?? fallback ?? Settings.Store.Location;
        return Analytics.Storage.StoreLocation.TryParse(text, Environment.WorkingDirectory, out var location, out var error)
            ? location!
            : throw new UserErrorException($"--store: {error}");
    }

    /// <summary>Opens the store (once per session).</summary>
    public async Task<IStore> OpenStoreAsync(CancellationToken cancellationToken, string? fallbackLocation = null) =>
        _store ??= await Store.OpenAsync(ResolveStoreLocation(fallbackLocation), Environment.Time, cancellationToken);

    /// <summary>The people behind all accounts seen so far, merged with the teams file.</summary>
    public async Task<PersonDirectory> ResolvePeopleAsync(CancellationToken cancellationToken)
    {
        var store = await OpenStoreAsync(cancellationToken);
        var identities = new List<Identity>();
        await foreach (var identity in store.ReadAsync(Analytics.Storage.Schema.Entities.Identities, null, cancellationToken))
        {
            identities.Add(identity);
        }

        return IdentityResolver.Resolve(identities, Teams.Members, Teams.Bots);
    }

    private static IAnsiConsole CreateOutput(CliEnvironment environment)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(environment.Out),
            Interactive = InteractionSupport.No,
            Ansi = environment.Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = environment.Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!environment.Interactive)
        {
            console.Profile.Width = 240;
        }

        return console;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }
}
