using System.CommandLine;
using Analytics.Host.Cli;
using Analytics.Host.Commands;

namespace Analytics.Host;

/// <summary>The <c>analytics</c> command line: wires the commands; each command lives in its own file.</summary>
internal static class AnalyticsCli
{
    /// <summary>Parses and runs a command line.</summary>
    /// <returns>The exit code (see <see cref="ExitCode"/>).</returns>
    public static Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken) =>
        RunAsync(args, environment, nested: false, cancellationToken);

    /// <summary>
    /// Runs a command line inside a running <c>analytics serve</c> (a scheduled job): stopped by
    /// <paramref name="cancellationToken"/> only, never by the process's own termination signals.
    /// </summary>
    /// <returns>The exit code (see <see cref="ExitCode"/>).</returns>
    public static Task<int> RunNestedAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken) =>
        RunAsync(args, environment, nested: true, cancellationToken);

    private static async Task<int> RunAsync(string[] args, CliEnvironment environment, bool nested, CancellationToken cancellationToken)
    {
        var global = new GlobalOptions();
        var runner = new CommandRunner(global, environment);
        var root = new RootCommand("Analytics: a rules-driven analytics engine over engineering data. Start with 'analytics demo'.");
        global.AddTo(root);
        root.Subcommands.Add(DemoCommand.Create(runner));
        root.Subcommands.Add(ImportCommand.Create(runner));
        root.Subcommands.Add(ExportCommand.Create(runner));
        root.Subcommands.Add(EntitiesCommand.Create(runner));
        root.Subcommands.Add(CollectCommand.Create(runner));
        root.Subcommands.Add(IngestCommand.Create(runner));
        root.Subcommands.Add(SignalsCommand.Create(runner));
        root.Subcommands.Add(StatusCommand.Create(runner));
        root.Subcommands.Add(ConfigCommand.Create(runner));
        root.Subcommands.Add(BusFactorCommand.Create(runner));
        root.Subcommands.Add(RulesCommand.Create(runner));
        root.Subcommands.Add(EvaluateCommand.Create(runner));
        root.Subcommands.Add(DeliverCommand.Create(runner));
        root.Subcommands.Add(ReportCommand.Create(runner));
        root.Subcommands.Add(ServeCommand.Create(runner));

        var parse = root.Parse(args);
        var invocation = new InvocationConfiguration { Output = environment.Out, Error = environment.Error };
        if (nested || parse.CommandResult.Command.Name == "serve")
        {
            // The server stops through its host on SIGTERM (waiting Server:ShutdownTimeout for running jobs), and a
            // job's command through the job's token; System.CommandLine's own handler would cut both short.
            invocation.ProcessTerminationTimeout = null;
        }

        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await environment.Error.WriteLineAsync($"error: {error.Message}");
            }

            await environment.Error.WriteLineAsync($"run '{string.Join(' ', parse.CommandResult.Command.Name == root.Name ? "analytics" : "analytics " + parse.CommandResult.Command.Name)} --help' for usage");
            return (int)ExitCode.UserError;
        }

        return await parse.InvokeAsync(invocation, cancellationToken);
    }
}
