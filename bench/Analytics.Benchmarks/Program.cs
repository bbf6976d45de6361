using System.Data.Common;
using Analytics.Benchmarks.Cli;
using Analytics.Benchmarks.Import;
using Analytics.Benchmarks.Micro;
using Analytics.Storage;

// The benchmark driver: `import` (whole-process timings, see bench/README.md), `micro` (BenchmarkDotNet),
// `ingestion` (JUnit and git ingestion against their limits), `rules` (evaluating many rules), `signals` (every signal
// over a year of the simulated organisation) and `github` (the GitHub collector against the tests' fake server).
// `--single` is the child process `import` starts for each measurement.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var time = TimeProvider.System;
var command = args.Length == 0 ? "--help" : args[0];
try
{
    var exit = command switch
    {
        "import" => await ImportCommand.RunAsync(new Arguments(args[1..]), time, cancellation.Token),
        "micro" => MicroCommand.Run(args[1..]),
        "ingestion" => (ExitCode)await Analytics.Benchmarks.TestReports.TestReportBenchmarks.RunAsync(args[1..]),
        "rules" => (ExitCode)await Analytics.Benchmarks.Rules.RulesBenchmark.RunAsync(args[1..]),
        "weekly" => (ExitCode)await Analytics.Benchmarks.Reports.WeeklyReportBenchmark.RunAsync(args[1..]),
        "signals" => await Analytics.Benchmarks.Signals.SignalsCommand.RunAsync(new Arguments(args[1..]), time, cancellation.Token),
        "github" => await Analytics.Benchmarks.GitHub.GitHubCommand.RunAsync(new Arguments(args[1..]), time, cancellation.Token),
        "--single" => await SingleCommand.RunAsync(new Arguments(args[1..]), time, cancellation.Token),
        Analytics.Benchmarks.Signals.SignalsChild.Command => await Analytics.Benchmarks.Signals.SignalsChild.RunAsync(new Arguments(args[1..]), time, cancellation.Token),
        Analytics.Benchmarks.GitHub.GitHubChild.Command => await Analytics.Benchmarks.GitHub.GitHubChild.RunAsync(new Arguments(args[1..]), time, cancellation.Token),
        "--help" or "-h" or "help" => Help(),
        _ => throw new UsageException($"unknown command '{command}'; use import, micro, ingestion, rules, weekly, signals or github (see --help)"),
    };
    return (int)exit;
}
catch (UsageException e)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return (int)ExitCode.UsageError;
}
catch (Exception e) when (e is MeasurementException or StoreException or DbException or InvalidDataException)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return (int)ExitCode.Failed;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("cancelled");
    return (int)ExitCode.Cancelled;
}

static ExitCode Help()
{
    Console.WriteLine("usage: Analytics.Benchmarks <command>");
    Console.WriteLine(ImportCommand.Usage);
    Console.WriteLine(MicroCommand.Usage);
    Console.WriteLine(Analytics.Benchmarks.Signals.SignalsCommand.Usage);
    Console.WriteLine(Analytics.Benchmarks.GitHub.GitHubCommand.Usage);
    Console.WriteLine("  ingestion [options]   JUnit ingestion vs raw XmlReader, git ingestion vs git log (bench/README.md)");
    Console.WriteLine("  rules [--rules 500] [--scale 5]   evaluates many generated rules over the simulated organisation");
    Console.WriteLine("  weekly [--teams 50] [--scale 1]   builds and renders the weekly reports (page and e-mail with PNGs) of many teams");
    return ExitCode.Ok;
}
