using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Xml;
using Analytics.Collectors.Git;
using Analytics.Collectors.TestReports;
using Analytics.Storage;

namespace Analytics.Benchmarks.TestReports;

/// <summary>
/// Whole-process timings of ingestion against the limits underneath it: JUnit ingestion (MB/s, results/s) next to a bare
/// <see cref="XmlReader"/> pass over the same generated Surefire report, and git history sync into SQLite next to
/// <c>git log --numstat</c> alone on a generated repository. Each measured step runs in a fresh child process, so its
/// peak working set is its own. Prints a Markdown table.
/// </summary>
/// <remarks>
/// Options: <c>--report-mb N</c> (default 200), <c>--commits N</c> (default 100000), <c>--work folder</c> (default: a
/// folder under the temp path, reused so generated inputs are built once), <c>--skip-junit</c>, <c>--skip-git</c>.
/// </remarks>
public static class TestReportBenchmarks
{
    private const string ChildFlag = "--child";

    /// <summary>Runs the benchmarks (or, with <c>--child</c>, one measured step) and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var childAt = Array.IndexOf(args, ChildFlag);
        if (childAt >= 0)
        {
            return await RunChildAsync(args[(childAt + 1)..]);
        }

        var reportMegabytes = IntOption(args, "--report-mb", 200);
        var commits = IntOption(args, "--commits", 100_000);
        var work = StringOption(args, "--work") ?? Path.Combine(Path.GetTempPath(), "analytics-bench-ingest");
        Directory.CreateDirectory(work);
        var rows = new List<string>();
        if (!args.Contains("--skip-junit"))
        {
            rows.AddRange(await JunitAsync(work, reportMegabytes, args));
        }

        if (!args.Contains("--skip-git"))
        {
            rows.AddRange(await GitAsync(work, commits, args));
        }

        Console.WriteLine();
        Console.WriteLine($"Ingestion, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {Environment.OSVersion}:");
        Console.WriteLine();
        Console.WriteLine("| step | input | time | throughput | rate | peak working set |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task<IEnumerable<string>> JunitAsync(string work, int megabytes, string[] args)
    {
        var report = Path.Combine(work, $"TEST-surefire-{megabytes}MB.xml");
        if (!File.Exists(report))
        {
            Console.Error.WriteLine($"writing a {megabytes} MB Surefire-style report to {report}…");
            SurefireReportGenerator.Write(report, megabytes * 1_000_000L);
        }

        var size = new FileInfo(report).Length;
        var database = Path.Combine(work, "junit.db");
        DeleteDatabase(database);
        var raw = await ChildAsync(args, ["raw", report]);
        var parse = await ChildAsync(args, ["parse", report]);
        var ingest = await ChildAsync(args, ["ingest", report, database]);
        var input = $"{Megabytes(size)} Surefire report, {ingest.Count:N0} results";
        return
        [
            Row("XmlReader.Read() over every node (the limit)", input, raw, size, null, null),
            Row("TestReportReader: parse to executions, no store", input, parse, size, parse.Count, "results"),
            Row("TestReportIngestor into SQLite (one transaction)", input, ingest, size, ingest.Count, "results"),
        ];
    }

    private static async Task<IEnumerable<string>> GitAsync(string work, int commits, string[] args)
    {
        var repository = Path.Combine(work, $"repo-{commits}");
        if (!Directory.Exists(Path.Combine(repository, ".git")))
        {
            Console.Error.WriteLine($"building a {commits:N0}-commit repository with git fast-import in {repository}…");
            var clock = Stopwatch.StartNew();
            await GitRepositoryGenerator.CreateAsync(repository, commits, CancellationToken.None);
            Console.Error.WriteLine($"built in {clock.Elapsed.TotalSeconds:0.0} s");
        }

        long plainBytes = 0;
        long readerBytes = 0;
        var plain = await GitRepositoryGenerator.RunAsync(repository, ["log", "--numstat", "--format=%H"], b => plainBytes = b, CancellationToken.None);
        string[] readerArguments =
        [
            "log", "-z", "--format=" + GitLogParser.Format, "--raw", "--numstat", "--no-abbrev", "-M", "--root", "--diff-merges=off",
            "--use-mailmap", "--encoding=UTF-8", "--no-color", "--no-show-signature", "--no-ext-diff", "--no-textconv", "--no-relative", "HEAD", "--",
        ];
        var full = await GitRepositoryGenerator.RunAsync(repository, readerArguments, b => readerBytes = b, CancellationToken.None);
        var database = Path.Combine(work, "git.db");
        DeleteDatabase(database);
        var sync = await ChildAsync(args, ["git-sync", repository, database]);
        var input = $"{commits:N0} commits";
        return
        [
            Row("git log --numstat alone", input, new Measurement(plain, commits, 0), plainBytes, commits, "commits"),
            Row("git log as GitHistoryReader runs it (-z --raw --numstat -M)", input, new Measurement(full, commits, 0), readerBytes, commits, "commits"),
            Row("GitHistorySync into SQLite (one transaction)", input, sync, null, sync.Count, "commits"),
        ];
    }

    /// <summary>One measured step in this process; prints <c>RESULT seconds count peakBytes</c>.</summary>
    private static async Task<int> RunChildAsync(string[] args)
    {
        var clock = Stopwatch.StartNew();
        long count = 0;
        switch (args[0])
        {
            case "raw":
                await using (var stream = new FileStream(args[1], FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
                using (var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, IgnoreWhitespace = true, CheckCharacters = false }))
                {
                    while (reader.Read())
                    {
                        count++;
                    }
                }

                break;
            case "parse":
                await using (var stream = new FileStream(args[1], FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous))
                {
                    await foreach (var _ in new TestReportReader(null).ReadAsync(stream, CancellationToken.None))
                    {
                        count++;
                    }
                }

                break;
            case "ingest":
                await using (var store = await Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, args[2]), TimeProvider.System, CancellationToken.None))
                {
                    clock.Restart(); // Opening (and migrating) the store is not ingestion.
                    var metadata = new TestReportMetadata("acme/bench", new string('a', 40), "main", "1", 1, "test", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
                    var result = await new TestReportIngestor(store).IngestFileAsync(args[1], null, metadata, CancellationToken.None);
                    if (!result.Applied)
                    {
                        throw new InvalidOperationException(result.Error!.ToString());
                    }

                    count = result.Results;
                }

                break;
            case "git-sync":
                await using (var store = await Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, args[2]), TimeProvider.System, CancellationToken.None))
                {
                    clock.Restart();
                    var result = await new GitHistorySync(store, new GitHistoryReader()).SyncAsync(args[1], null, CancellationToken.None);
                    count = result.Commits;
                }

                break;
            default:
                throw new ArgumentException($"unknown child step '{args[0]}'", nameof(args));
        }

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {clock.Elapsed.TotalSeconds:R} {count} {self.PeakWorkingSet64}"));
        return 0;
    }

    /// <summary>
    /// Runs one step in a fresh process: this program again, with the arguments that led to <see cref="RunAsync"/>
    /// (whatever <c>Program.cs</c> dispatches on) followed by <c>--child</c> and the step.
    /// </summary>
    private static async Task<Measurement> ChildAsync(string[] args, string[] step)
    {
        var all = Environment.GetCommandLineArgs();
        var prefix = all[1..(all.Length - args.Length)];
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in prefix.Concat(args.Where(a => a != ChildFlag)).Append(ChildFlag).Concat(step))
        {
            start.ArgumentList.Add(argument);
        }

        Console.Error.WriteLine($"running {step[0]}…");
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"step {step[0]} failed (exit {process.ExitCode}): {output}");
        }

        var parts = line.Split(' ');
        return new Measurement(
            TimeSpan.FromSeconds(double.Parse(parts[1], CultureInfo.InvariantCulture)),
            long.Parse(parts[2], CultureInfo.InvariantCulture),
            long.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    private static string Row(string step, string input, Measurement m, long? bytes, long? count, string? unit)
    {
        var seconds = m.Time.TotalSeconds;
        var throughput = bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b / 1_000_000.0 / seconds:0.0} MB/s") : "";
        var rate = count is { } c && unit is not null ? string.Create(CultureInfo.InvariantCulture, $"{c / seconds:N0} {unit}/s") : "";
        var peak = m.PeakWorkingSet > 0 ? Megabytes(m.PeakWorkingSet) : "(git)";
        return string.Create(CultureInfo.InvariantCulture, $"| {step} | {input} | {seconds:0.00} s | {throughput} | {rate} | {peak} |");
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_000_000.0:0} MB");

    private static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        StringOption(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? StringOption(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>A step's wall time, what it counted, and its process's peak working set (0 when not measured).</summary>
    private sealed record Measurement(TimeSpan Time, long Count, long PeakWorkingSet);
}
