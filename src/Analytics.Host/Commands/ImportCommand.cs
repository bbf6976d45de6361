using System.CommandLine;
using Analytics.Collectors.Interchange;
using Analytics.Host.Cli;
using Analytics.Storage.Schema;
using Spectre.Console;

namespace Analytics.Host.Commands;

/// <summary><c>analytics import &lt;entity&gt; &lt;file&gt;…</c>: loads CSV or JSON Lines files; each file is applied whole or not at all.</summary>
internal static class ImportCommand
{
    public static Command Create(CommandRunner runner)
    {
        var entity = EntityArgument.Create("The entity the files hold (see 'analytics entities').");
        var files = new Argument<string[]>("files") { Description = "CSV (.csv) or JSON Lines (.jsonl) files.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string?>("--format") { Description = "csv or jsonl, when the extension does not say." };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var json = GlobalOptions.Json();
        var command = new Command("import", "Import records from CSV or JSON Lines files (format: docs/import-format.md).")
        {
            entity, files, format, json,
        };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            var map = EntityArgument.Resolve(session.Parse.GetValue(entity)!);
            var chosen = session.Parse.GetValue(format) is { } name ? RecordFileFormats.FromName(name) : null;
            var store = await session.OpenStoreAsync(cancellationToken);
            var importer = new RecordFileImporter(store);
            var results = new List<ImportResult>();
            foreach (var file in session.Parse.GetValue(files)!)
            {
                var path = session.Environment.PathOf(file);
                var size = File.Exists(path) ? new FileInfo(path).Length : 0;
                ImportResult? result = null;
                await session.WithProgressAsync(async report =>
                {
                    result = await importer.ImportAsync(map, path, chosen, new Progress<long>(read => report(Path.GetFileName(file), read, size)), cancellationToken);
                });
                results.Add(result! with { File = file });
            }

            await Report(session, map, results, session.Parse.GetValue(json));
            return results.All(r => r.Applied) ? ExitCode.Ok : ExitCode.UserError;
        });
        return command;
    }

    private static async Task Report(CommandSession session, EntityMap map, List<ImportResult> results, bool json)
    {
        foreach (var error in results.SelectMany(r => r.Errors))
        {
            await session.Environment.Error.WriteLineAsync($"error: {error with { File = results.First(r => r.Errors.Contains(error)).File }}");
        }

        if (json)
        {
            await JsonOutput.WriteAsync(session.Environment.Out, results.Select(r => new
            {
                file = r.File,
                entity = map.Name,
                applied = r.Applied,
                rows = r.Rows,
                changed = r.Stored.Changed,
                unchanged = r.Stored.Unchanged,
                errors = r.Errors.Select(e => new { line = e.Line, field = e.Field, message = e.Message }),
            }));
            return;
        }

        var table = new Table().AddColumns("file", "rows", "new or changed", "unchanged", "result");
        foreach (var r in results)
        {
            table.AddRow(
                Markup.Escape(r.File),
                r.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Stored.Changed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Stored.Unchanged.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Applied ? "applied" : $"refused ({r.Errors.Count} error{(r.Errors.Count == 1 ? "" : "s")}), nothing stored");
        }

        session.Output.Write(table);
    }
}
