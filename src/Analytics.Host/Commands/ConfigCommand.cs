using System.CommandLine;
using Analytics.Host.Cli;

namespace Analytics.Host.Commands;

/// <summary><c>analytics config check</c>: validates the settings and the teams file and says exactly what is wrong.</summary>
internal static class ConfigCommand
{
    public static Command Create(CommandRunner runner)
    {
        var check = new Command("check", "Validate the settings (schedules included) and the teams file.");
        runner.Bind(check, async (session, _) =>
        {
            var settings = session.Settings;
            var teams = session.Teams;
            var schedules = Scheduling.JobDefinitions.Parse(settings.Schedules);
            var teamsPath = session.Environment.PathOf(settings.Teams.File);
            await session.Environment.Out.WriteLineAsync(
                $"settings OK; store: {session.ResolveStoreLocation().Description}; teams: "
                + (File.Exists(teamsPath) ? $"{teams.Teams.Count} in {settings.Teams.File}" : $"none ({settings.Teams.File} does not exist)")
                + $"; schedules: {schedules.Count}");
            return ExitCode.Ok;
        });
        var command = new Command("config", "Work with the configuration.");
        command.Subcommands.Add(check);
        return command;
    }
}
