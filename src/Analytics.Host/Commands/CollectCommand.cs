using System.CommandLine;
using Analytics.Collectors.Git;
using Analytics.Host.Cli;
using Spectre.Console;

namespace Analytics.Host.Commands;

/// <summary><c>analytics collect &lt;source&gt;</c>: pulls data from a source into the store, incrementally.</summary>
internal static class CollectCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("collect", "Collect data from a source into the store (incremental).");
        command.Subcommands.Add(CreateGit(runner));
        return command;
    }

    private static Command CreateGit(CommandRunner runner)
    {
        var paths = new Argument<string[]>("paths") { Description = "Local clones to read (their top folders).", Arity = ArgumentArity.OneOrMore };
        var json = GlobalOptions.Json();
        var command = new Command("git", "Read the history of local git clones (no network, no token).") { paths, json };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            var store = await session.OpenStoreAsync(cancellationToken);
            var sync = new GitHistorySync(store, new GitHistoryReader());
            var results = new List<GitSyncResult>();
            foreach (var path in session.Parse.GetValue(paths)!)
            {
                await session.WithProgressAsync(async report =>
                {
                    results.Add(await sync.SyncAsync(session.Environment.PathOf(path), new Progress<int>(n => report($"{path}: commits", n, n)), cancellationToken));
                });
            }

            if (session.Parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(session.Environment.Out, results);
            }
            else
            {
                foreach (var r in results)
                {
                    session.Output.WriteLine(r.Commits == 0
                        ? $"{r.Repository}: up to date at {r.Head?[..Math.Min(12, r.Head.Length)] ?? "(no commits)"}"
                        : $"{r.Repository}: {r.Commits} commits read{(r.FullRead ? " (full history)" : "")}, {r.Changed} records new or changed, now at {r.Head![..12]}");
                }
            }

            return ExitCode.Ok;
        });
        return command;
    }
}
