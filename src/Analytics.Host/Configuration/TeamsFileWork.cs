using System.Globalization;
using System.Text;
using Analytics.Domain.Common;
using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Domain.Work;
using YamlDotNet.RepresentationModel;

namespace Analytics.Host.Configuration;

/// <summary>
/// The teams file's work settings of a team: <c>workTypes</c> (ticket types, labels and components → work types) and
/// <c>postmortems</c> (the postmortem policy). Format in <c>docs/configuration.md</c>; errors carry file, line and column.
/// </summary>
internal static class TeamsFileWork
{
    private static readonly string[] WorkTypeKeys = ["types", "labels", "components"];
    private static readonly string[] PostmortemKeys = ["minSeverity", "businessDays", "ticketLabels", "ticketTypes", "actionLabels"];

    /// <summary>Reads <c>workTypes</c>; the defaults alone when absent.</summary>
    public static WorkTypeMapping WorkTypes(string path, YamlNode? node, List<string> errors)
    {
        if (node is null)
        {
            return WorkTypeMapping.Default;
        }

        if (node is not YamlMappingNode mapping)
        {
            errors.Add(TeamsFile.At(path, node, "'workTypes' must be a mapping with types, labels and components"));
            return WorkTypeMapping.Default;
        }

        TeamsFile.CheckKeys(path, mapping, WorkTypeKeys, "workTypes", errors);
        var rules = new List<WorkTypeRule>();
        foreach (var (key, field) in new[] { ("labels", WorkTypeField.Label), ("components", WorkTypeField.Component), ("types", WorkTypeField.Type) })
        {
            switch (TeamsFile.Child(mapping, key))
            {
                case null:
                    break;
                case YamlMappingNode entries:
                    foreach (var (name, value) in entries.Children)
                    {
                        var from = (name as YamlScalarNode)?.Value;
                        var to = (value as YamlScalarNode)?.Value;
                        if (string.IsNullOrWhiteSpace(from))
                        {
                            errors.Add(TeamsFile.At(path, name, $"'{key}' entries need a name"));
                        }
                        else if (WorkTypeMapping.Parse(to) is { } type)
                        {
                            rules.Add(new WorkTypeRule(field, from, type));
                        }
                        else
                        {
                            var known = Enum.GetValues<WorkType>().Select(WorkTypeMapping.NameOf).ToArray();
                            errors.Add(TeamsFile.At(path, value, $"unknown work type '{to}'{Suggest.DidYouMean(to ?? "", known)} (the types are: {string.Join(", ", known)})"));
                        }
                    }

                    break;
                case var other:
                    errors.Add(TeamsFile.At(path, other, $"'{key}' must be a mapping of names to work types, such as {{ Spike: chore }}"));
                    break;
            }
        }

        return new WorkTypeMapping(ValueList.From(rules));
    }

    /// <summary>Reads <c>postmortems</c>; <see cref="PostmortemPolicy.Default"/> when absent, each key defaulting on its own.</summary>
    public static PostmortemPolicy Postmortems(string path, YamlNode? node, List<string> errors)
    {
        var policy = PostmortemPolicy.Default;
        if (node is null)
        {
            return policy;
        }

        if (node is not YamlMappingNode mapping)
        {
            errors.Add(TeamsFile.At(path, node, "'postmortems' must be a mapping with minSeverity, businessDays, ticketLabels, ticketTypes, actionLabels"));
            return policy;
        }

        TeamsFile.CheckKeys(path, mapping, PostmortemKeys, "postmortems", errors);
        if (TeamsFile.Scalar(path, TeamsFile.Child(mapping, "minSeverity"), "minSeverity", errors) is { } severity)
        {
            if (PostmortemPolicy.Rank(severity) is null)
            {
                errors.Add(TeamsFile.At(path, TeamsFile.Child(mapping, "minSeverity")!, $"severity '{severity}' has no rank: use a name ending in a number (SEV2, P1) or critical, high, medium, low"));
            }
            else
            {
                policy = policy with { MinimumSeverity = severity };
            }
        }

        if (TeamsFile.Scalar(path, TeamsFile.Child(mapping, "businessDays"), "businessDays", errors) is { } days)
        {
            if (int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 60)
            {
                policy = policy with { BusinessDays = n };
            }
            else
            {
                errors.Add(TeamsFile.At(path, TeamsFile.Child(mapping, "businessDays")!, $"'businessDays' must be a whole number from 0 to 60, not '{days}'"));
            }
        }

        ValueList<string>? List(string key) =>
            TeamsFile.Child(mapping, key) is { } child ? ValueList.From(TeamsFile.Strings(path, child, key, errors)) : null;
        return policy with
        {
            TicketLabels = List("ticketLabels") ?? policy.TicketLabels,
            TicketTypes = List("ticketTypes") ?? policy.TicketTypes,
            ActionLabels = List("actionLabels") ?? policy.ActionLabels,
        };
    }

    /// <summary>Writes a team's work settings when they differ from the defaults.</summary>
    public static void Write(StringBuilder text, Team team)
    {
        if (team.WorkTypes.Rules.Count > 0)
        {
            text.AppendLine("    workTypes:");
            foreach (var (field, key) in new[] { (WorkTypeField.Label, "labels"), (WorkTypeField.Component, "components"), (WorkTypeField.Type, "types") })
            {
                var entries = team.WorkTypes.Rules.Where(r => r.Field == field).ToList();
                if (entries.Count > 0)
                {
                    text.AppendLine($"      {key}: {{ " + string.Join(", ", entries.Select(r => $"{TeamsFile.Quote(r.Value)}: {WorkTypeMapping.NameOf(r.WorkType)}")) + " }");
                }
            }
        }

        if (team.Postmortems != PostmortemPolicy.Default)
        {
            var p = team.Postmortems;
            text.AppendLine("    postmortems:");
            text.AppendLine($"      minSeverity: {TeamsFile.Quote(p.MinimumSeverity)}");
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"      businessDays: {p.BusinessDays}"));
            text.AppendLine("      ticketLabels: [" + string.Join(", ", p.TicketLabels.Select(TeamsFile.Quote)) + "]");
            text.AppendLine("      ticketTypes: [" + string.Join(", ", p.TicketTypes.Select(TeamsFile.Quote)) + "]");
            text.AppendLine("      actionLabels: [" + string.Join(", ", p.ActionLabels.Select(TeamsFile.Quote)) + "]");
        }
    }
}
