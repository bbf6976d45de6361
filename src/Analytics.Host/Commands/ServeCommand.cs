using System.CommandLine;
using Analytics.Host.Cli;
using Analytics.Host.Server;

namespace Analytics.Host.Commands;

/// <summary>
/// <c>analytics serve</c>: runs the web server and the scheduled jobs (sections <c>Server</c>, <c>Scheduler</c>,
/// <c>Schedules</c>) until SIGTERM or Ctrl+C. Exit codes: 0 after a clean stop; 2 for invalid settings or schedules.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("serve", "Run the server: scheduled jobs (collect, evaluate, reports), health and readiness, the jobs API. See docs/scheduling.md.");
        runner.Bind(command, AnalyticsServer.RunAsync);
        return command;
    }
}
