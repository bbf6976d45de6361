using System.CommandLine;
using Analytics.Domain.Common;
using Analytics.Host.Cli;
using Analytics.Storage.Schema;

namespace Analytics.Host.Commands;

/// <summary>The <c>&lt;entity&gt;</c> argument of import and export, with a suggestion for typos.</summary>
internal static class EntityArgument
{
    public static Argument<string> Create(string description) => new("entity") { Description = description };

    public static EntityMap Resolve(string name) =>
        Entities.Find(name)
        ?? throw new UserErrorException(
            $"unknown entity '{name}'{Suggest.DidYouMean(name, Entities.All.Select(e => e.Name))} (the entities are: {string.Join(", ", Entities.All.Select(e => e.Name))})");
}
