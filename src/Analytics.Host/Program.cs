using Analytics.Host;
using Analytics.Host.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // Let the command stop cleanly: its transaction rolls back and it exits with 130.
    cancellation.Cancel();
};

return await AnalyticsCli.RunAsync(args, CliEnvironment.FromProcess(), cancellation.Token);
