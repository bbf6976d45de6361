using System.CommandLine;
using System.Text;
using Analytics.Collectors.Interchange;
using Analytics.Host.Cli;

namespace Analytics.Host.Commands;

/// <summary><c>analytics export &lt;entity&gt;</c>: writes stored records in the import format, to stdout or a file.</summary>
internal static class ExportCommand
{
    public static Command Create(CommandRunner runner)
    {
        var entity = EntityArgument.Create("The entity to export (see 'analytics entities').");
        var format = new Option<string>("--format") { Description = "csv or jsonl.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var output = new Option<string?>("--output", "-o") { Description = "The file to write; default: standard output." };
        var json = new Option<bool>("--json") { Description = "Same as --format jsonl." };
        var command = new Command("export", "Export stored records as CSV or JSON Lines, in the import format.") { entity, format, output, json };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            var map = EntityArgument.Resolve(session.Parse.GetValue(entity)!);
            var chosen = session.Parse.GetValue(json) ? RecordFileFormat.JsonLines : RecordFileFormats.FromName(session.Parse.GetValue(format)!)!.Value;
            var store = await session.OpenStoreAsync(cancellationToken);
            var exporter = new RecordFileExporter(store);
            if (session.Parse.GetValue(output) is { } file)
            {
                var path = session.Environment.PathOf(file);
                var temporary = path + ".partial";
                long count;
                await using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)))
                {
                    count = await exporter.ExportAsync(map, writer, chosen, null, cancellationToken);
                }

                File.Move(temporary, path, overwrite: true); // Never leave a half-written export under the real name.
                await session.Environment.Error.WriteLineAsync($"exported {count} {map.Name} to {file}");
            }
            else
            {
                await exporter.ExportAsync(map, session.Environment.Out, chosen, null, cancellationToken);
            }

            return ExitCode.Ok;
        });
        return command;
    }
}
