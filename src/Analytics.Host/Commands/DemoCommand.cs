using System.CommandLine;
using Analytics.Host.Cli;

namespace Analytics.Host.Commands;

/// <summary><c>analytics demo</c>: placeholder replaced in the next commit.</summary>
internal static class DemoCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("demo", "Generate a simulated organisation, store it and write a first weekly report.");
        runner.Bind(command, (_, _) => Task.FromResult(ExitCode.Ok));
        return command;
    }
}
