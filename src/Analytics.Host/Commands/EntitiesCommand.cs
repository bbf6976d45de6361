using System.CommandLine;
using Analytics.Host.Cli;
using Analytics.Storage.Schema;
using Spectre.Console;

namespace Analytics.Host.Commands;

/// <summary><c>analytics entities [name]</c>: lists what can be imported and exported, and each entity's fields.</summary>
internal static class EntitiesCommand
{
    public static Command Create(CommandRunner runner)
    {
        var name = new Argument<string?>("entity") { Description = "Show this entity's fields.", Arity = ArgumentArity.ZeroOrOne };
        var json = GlobalOptions.Json();
        var command = new Command("entities", "List the importable entities, or one entity's fields.") { name, json };
        runner.Bind(command, async (session, _) =>
        {
            var selected = session.Parse.GetValue(name) is { } n ? [EntityArgument.Resolve(n)] : Entities.All;
            if (session.Parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(session.Environment.Out, selected.Select(e => new
                {
                    name = e.Name,
                    description = e.Description,
                    key = e.KeyColumns.Select(c => c.Name),
                    fields = e.Columns.Select(c => new { name = c.Name, kind = c.Kind, required = !c.IsNullable, values = c.EnumNames.Count > 0 ? c.EnumNames : null, description = c.Description }),
                }));
                return ExitCode.Ok;
            }

            foreach (var map in selected)
            {
                if (selected.Count == 1)
                {
                    var table = new Table().Title(Markup.Escape($"{map.Name}: {map.Description}")).AddColumns("field", "kind", "required", "meaning");
                    foreach (var c in map.Columns)
                    {
                        table.AddRow(Markup.Escape(c.Name + (c.IsKey ? " (key)" : "")), c.Kind.ToString(), c.IsNullable ? "" : "yes",
                            Markup.Escape(c.Description + (c.EnumNames.Count > 0 ? $" One of: {string.Join(", ", c.EnumNames)}." : "")));
                    }

                    session.Output.Write(table);
                }
                else
                {
                    session.Output.WriteLine($"{map.Name,-22} {map.Description}");
                }
            }

            return ExitCode.Ok;
        });
        return command;
    }
}
