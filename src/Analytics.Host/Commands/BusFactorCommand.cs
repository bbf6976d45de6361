using System.CommandLine;
using System.Globalization;
using Analytics.Collectors.Git;
using Analytics.Domain.People;
using Analytics.Host.Cli;
using Analytics.Signals.Ownership;
using Spectre.Console;

namespace Analytics.Host.Commands;

/// <summary>
/// <c>analytics busfactor &lt;clone&gt;</c>: the truck factor (Avelino et al., ICPC 2016) of a local clone, its folders
/// and knowledge silos, and what a person's leaving would orphan, read straight from git (no store needed).
/// Definition: <c>docs/signals/ownership.truck_factor.md</c>.
/// </summary>
internal static class BusFactorCommand
{
    private const string DateFormat = "yyyy-MM-dd";

    public static Command Create(CommandRunner runner)
    {
        var path = new Argument<string>("path") { Description = "A local clone (its top folder)." };
        var at = new Option<string?>("--at")
        {
            Description = "Compute as of a commit (hash, tag, branch, HEAD~3) or a date: yyyy-MM-dd (to the end of that day, UTC) or an ISO 8601 instant. Default: HEAD, now.",
        };
        var folders = new Option<bool>("--folders") { Description = "Also print the truck factor of every folder with at least 5 files." };
        var leaves = new Option<string?>("--leaves") { Description = "Simulate this person leaving (id, name or e-mail): the files and folders left without an author." };
        var exclude = new Option<string[]>("--exclude") { Description = "Also leave out paths matching this glob (repeatable), e.g. 'generated/**'." };
        var allFiles = new Option<bool>("--all-files") { Description = "Do not apply the default exclusions (vendored, generated, documentation and binary files)." };
        var halfLife = new Option<double?>("--half-life") { Description = "Recency decay: weigh each change by 2^(-age/half-life), the half-life in days. Default: no decay, as in the paper." };
        var json = GlobalOptions.Json();
        var command = new Command("busfactor", "Truck factor, knowledge silos and leaver impact of a local git clone (Avelino et al., ICPC 2016).")
        {
            path, at, folders, leaves, exclude, allFiles, halfLife, json,
        };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            var clone = session.Environment.PathOf(session.Parse.GetValue(path)!);
            var options = BuildOptions(
                session.Parse.GetValue(exclude) ?? [], session.Parse.GetValue(allFiles), session.Parse.GetValue(halfLife));
            var point = ParseAt(session.Parse.GetValue(at));
            var reader = new GitHistoryReader();
            var info = await reader.GetRepositoryInfoAsync(clone, cancellationToken);

            AuthorshipLedger? ledger = point.Until is { } until ? new AuthorshipLedger(options, until.AsOf)
                : point.Revision is null ? new AuthorshipLedger(options, session.Environment.Time.GetUtcNow())
                : null;
            var identities = new Dictionary<string, Identity>(StringComparer.Ordinal);
            string? head = null;
            await foreach (var record in reader.ReadAsync(clone, sinceSha: null, point.Revision, cancellationToken))
            {
                head ??= record.Commit.Sha;
                // --at <commit>: the analysis is as of that commit's date, known once git prints it (it comes first).
                ledger ??= new AuthorshipLedger(options, record.Commit.CommittedAt);
                if (point.Until is { } cut && record.Commit.CommittedAt >= cut.Before)
                {
                    continue;
                }

                identities.TryAdd(record.Author.SourceId, record.Author);
                var commit = record.Commit;
                ledger.Add(new AuthoredCommit(commit.Sha, record.Author.SourceId, commit.AuthorName, commit.AuthoredAt, commit.CommittedAt, record.Files));
            }

            ledger ??= new AuthorshipLedger(options, session.Environment.Time.GetUtcNow());
            var people = IdentityResolver.Resolve(identities.Values, session.Teams.Members, session.Teams.Bots);
            var map = ledger.Build(account => people.Find("git", account));
            var leaver = session.Parse.GetValue(leaves) is { } name
                ? map.Leaves(name) ?? throw new UserErrorException(
                    $"--leaves: nobody named '{name}' changed a file in {info.Name}{Domain.Common.Suggest.DidYouMean(name, map.Contributors.Select(c => c.Name))}")
                : null;
            var report = new BusFactorReport(
                info.Name,
                head,
                ledger.AsOf,
                ledger.Commits,
                map.TruckFactor(),
                session.Parse.GetValue(folders) ? map.Folders(TruckFactorSignal.MinimumFolderFiles).Where(f => f.Folder.Length > 0).ToList() : null,
                map.Silos(),
                leaver);
            if (session.Parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(session.Environment.Out, report);
            }
            else
            {
                Print(session.Output, report, options);
            }

            return ExitCode.Ok;
        });
        return command;
    }

    private static TruckFactorOptions BuildOptions(string[] exclude, bool allFiles, double? halfLifeDays)
    {
        foreach (var pattern in exclude)
        {
            if (string.IsNullOrWhiteSpace(pattern))
            {
                throw new UserErrorException("--exclude: the pattern is empty");
            }
        }

        if (halfLifeDays is { } days && (!double.IsFinite(days) || days <= 0))
        {
            throw new UserErrorException($"--half-life: expected a positive number of days, not {days.ToString(CultureInfo.InvariantCulture)}");
        }

        return TruckFactorOptions.Default with
        {
            Exclusions = [.. allFiles ? [] : TruckFactorOptions.DefaultExclusions, .. exclude],
            DecayHalfLife = halfLifeDays is { } d ? TimeSpan.FromDays(d) : null,
        };
    }

    /// <summary>Reads <c>--at</c>: a date or instant cuts the history by commit time; anything else is a git revision.</summary>
    private static (string? Revision, (DateTimeOffset Before, DateTimeOffset AsOf)? Until) ParseAt(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        text = text.Trim();
        if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var end = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return (null, (end, end));
        }

        if (text.Length > 10 && text[4] == '-' && text[10] == 'T')
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
                ? (null, (instant.AddTicks(1), instant))
                : throw new UserErrorException($"--at: '{text}' is not an ISO 8601 instant such as 2026-03-01T12:00:00Z");
        }

        return (text, null);
    }

    private static void Print(IAnsiConsole output, BusFactorReport report, TruckFactorOptions options)
    {
        var repository = report.Repository;
        var at = report.Head is null ? "(no commits)" : report.Head[..Math.Min(12, report.Head.Length)];
        output.WriteLine($"{report.Name} at {at} ({Day(report.AsOf)}): truck factor {repository.TruckFactor} "
            + $"({repository.Files} files, {report.Commits} commits read; {Percent(repository.OrphanedAfter)} of files orphaned without the authors below)");
        if (repository.Authors.Count > 0)
        {
            var table = new Table().AddColumns("#", "person", "files authored", "share of files");
            for (var i = 0; i < repository.Authors.Count; i++)
            {
                var author = repository.Authors[i];
                table.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), Markup.Escape(author.Contributor.Name),
                    author.Files.ToString(CultureInfo.InvariantCulture), Percent(author.Share));
            }

            output.Write(table);
        }

        if (report.Folders is { } folders)
        {
            output.WriteLine();
            output.WriteLine($"Folders with at least {TruckFactorSignal.MinimumFolderFiles} files:");
            var table = new Table().AddColumns("folder", "files", "truck factor", "authors");
            foreach (var folder in folders)
            {
                table.AddRow(Markup.Escape(folder.Folder + "/"), folder.Files.ToString(CultureInfo.InvariantCulture),
                    folder.TruckFactor.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", folder.Authors.Select(a => a.Contributor.Name))));
            }

            output.Write(table);
        }

        output.WriteLine();
        if (report.Silos.Count == 0)
        {
            output.WriteLine($"No knowledge silos (truck factor 1, at least {options.SiloMinimumFiles} files, changed in the last {options.ActiveWithin.TotalDays:0} days).");
        }
        else
        {
            output.WriteLine($"Knowledge silos (truck factor 1, at least {options.SiloMinimumFiles} files, changed in the last {options.ActiveWithin.TotalDays:0} days):");
            var table = new Table().AddColumns("folder", "files", "person", "authors", "sole author of", "last change");
            foreach (var silo in report.Silos)
            {
                table.AddRow(Markup.Escape(silo.Folder.Length == 0 ? "(repository)" : silo.Folder + "/"), silo.Files.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(silo.Owner.Name), Percent(silo.OwnerShare), Percent(silo.SoleShare), Day(silo.LastChange));
            }

            output.Write(table);
        }

        if (report.Leaves is { } leaver)
        {
            output.WriteLine();
            var tipped = leaver.Folders.Where(f => f.BecomesOrphaned).ToList();
            output.WriteLine($"If {leaver.Person.Name} leaves: {leaver.OrphanedFiles.Count} of the {leaver.AuthoredFiles} files they author lose their last author; "
                + (tipped.Count == 0 ? "no folder becomes more than half orphaned." : $"{tipped.Count} folders become more than half orphaned:"));
            if (tipped.Count > 0)
            {
                var table = new Table().AddColumns("folder", "files", "orphaned now", "orphaned after");
                foreach (var folder in tipped)
                {
                    table.AddRow(Markup.Escape(folder.Folder.Length == 0 ? "(repository)" : folder.Folder + "/"), folder.Files.ToString(CultureInfo.InvariantCulture),
                        folder.OrphanedBefore.ToString(CultureInfo.InvariantCulture), folder.OrphanedAfter.ToString(CultureInfo.InvariantCulture));
                }

                output.Write(table);
            }
        }
    }

    private static string Percent(double share) => share.ToString("P0", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset instant) => instant.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>What <c>busfactor --json</c> prints.</summary>
    private sealed record BusFactorReport(
        string Name,
        string? Head,
        DateTimeOffset AsOf,
        int Commits,
        TruckFactorResult Repository,
        IReadOnlyList<TruckFactorResult>? Folders,
        IReadOnlyList<KnowledgeSilo> Silos,
        LeaverImpact? Leaves);
}
