using System.CommandLine;
using Analytics.Host.Cli;
using Analytics.Storage.Schema;
using Spectre.Console;

namespace Analytics.Host.Commands;

/// <summary><c>analytics status</c>: where the store is, its schema version and how many records of each entity it holds.</summary>
internal static class StatusCommand
{
    public static Command Create(CommandRunner runner)
    {
        var json = GlobalOptions.Json();
        var command = new Command("status", "Show the store's location, schema version and record counts.") { json };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            var store = await session.OpenStoreAsync(cancellationToken);
            var counts = new List<(string Entity, long Count)>();
            foreach (var map in Entities.All)
            {
                counts.Add((map.Name, await store.CountAsync(map, cancellationToken)));
            }

            var version = await store.GetSchemaVersionAsync(cancellationToken);
            if (session.Parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(session.Environment.Out, new
                {
                    store = store.Description,
                    schemaVersion = version,
                    records = counts.ToDictionary(c => c.Entity, c => c.Count),
                });
                return ExitCode.Ok;
            }

            session.Output.WriteLine($"store: {store.Description} (schema version {version})");
            var table = new Table().AddColumns("entity", "records");
            foreach (var (entity, count) in counts)
            {
                table.AddRow(entity, count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            }

            session.Output.Write(table);
            return ExitCode.Ok;
        });
        return command;
    }
}
