// Benchmarks: `dotnet run -c Release --project bench/Analytics.Benchmarks -- <name> [options]`. See bench/README.md.
if (args.Length > 0 && args[0] == "ingestion")
{
    return await Analytics.Benchmarks.TestReports.TestReportBenchmarks.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "rules")
{
    return await Analytics.Benchmarks.Rules.RulesBenchmark.RunAsync(args[1..]);
}

await Console.Error.WriteLineAsync("usage: Analytics.Benchmarks ingestion|rules [options]");
return 2;
