using System.CommandLine;
using Analytics.Collectors.Git;
using Analytics.Collectors.GitHub;
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
        command.Subcommands.Add(CreateGitHub(runner));
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

    private static Command CreateGitHub(CommandRunner runner)
    {
        var repositories = new Option<string[]>("--repository") { Description = "Collect only these repositories (owner/name, repeatable) instead of the configured ones." };
        var json = GlobalOptions.Json();
        var command = new Command("github", "Collect pull requests, reviews, commits, Actions runs and deployments from GitHub (incremental).") { repositories, json };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            var settings = session.Settings.GitHub;
            var token = session.Environment.Variables[settings.TokenVariable] as string;
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new UserErrorException($"GitHub: the environment variable {settings.TokenVariable} (GitHub:TokenVariable) holds no token; see docs/sources/github.md for the permissions it needs");
            }

            var chosen = session.Parse.GetValue(repositories) ?? [];
            var options = new GitHubOptions
            {
                BaseUrl = new Uri(settings.BaseUrl),
                Token = token.Trim(),
                TokenVariable = settings.TokenVariable,
                Repositories = chosen.Length > 0 ? chosen : settings.Repositories,
                Organisations = chosen.Length > 0 ? [] : settings.Organisations,
                Include = settings.Include,
                Exclude = settings.Exclude,
                MaxConcurrentRequests = settings.MaxConcurrentRequests,
                MaxRetries = settings.MaxRetries,
                MaxRateLimitWait = settings.MaxRateLimitWait,
                Lookback = settings.Lookback,
                Since = settings.Since,
            };
            if (options.Repositories.Count == 0 && options.Organisations.Count == 0)
            {
                throw new UserErrorException("GitHub: nothing to collect; set GitHub:Repositories or GitHub:Organisations, or pass --repository owner/name");
            }

            var store = await session.OpenStoreAsync(cancellationToken);
            using var sync = new GitHubSync(store, options, session.Environment.Time);
            GitHubSyncReport report = null!;
            await session.WithProgressAsync(async progress =>
            {
                var done = 0;
                report = await sync.SyncAsync(new Progress<string>(name => progress($"github: {name}", done++, done)), cancellationToken);
            });

            if (session.Parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(session.Environment.Out, report);
            }
            else
            {
                foreach (var r in report.Repositories.Where(r => r.Status == GitHubRepositoryStatus.Synced))
                {
                    var renamed = r.RenamedTo is null ? "" : $" (renamed to {r.RenamedTo})";
                    session.Output.WriteLine($"{r.Repository}{renamed}: {r.PullRequests} pull requests, {r.WorkflowRuns} run attempts, {r.Jobs} jobs, {r.Deployments} deployments read; {r.Changed} records new or changed");
                }

                session.Output.WriteLine($"{report.Requests} requests, {report.NotModified} answered 304 (free)");
            }

            foreach (var r in report.Repositories.Where(r => r.Status != GitHubRepositoryStatus.Synced))
            {
                await session.Environment.Error.WriteLineAsync($"{r.Repository}: {(r.Status == GitHubRepositoryStatus.Failed ? "failed" : "skipped")}: {r.Message}");
            }

            return report.Succeeded ? ExitCode.Ok : ExitCode.UserError;
        });
        return command;
    }
}
