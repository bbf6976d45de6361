using System.Text;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Analytics.Host.Configuration;

/// <summary>
/// Reads and writes the teams file (<c>config/teams.yaml</c>, format in <c>docs/configuration.md</c>). Every problem is
/// reported with file, line and column; unknown keys are errors, with a suggestion when they look like a typo.
/// </summary>
internal static class TeamsFile
{
    private static readonly string[] TopKeys = ["teams", "bots"];
    private static readonly string[] TeamKeys = ["id", "name", "timeZone", "email", "repositories", "services", "members", "workTypes", "postmortems", "goals", "workingHours"];
    private static readonly string[] MemberKeys = ["id", "name", "github", "git", "jira", "pagerduty", "opsgenie"];
    private static readonly string[] MemberScheduleKeys = ["timeZone", "workingHours", "joined"];

    /// <summary>Reads a teams file.</summary>
    /// <exception cref="Cli.UserErrorException">The file is malformed or invalid; the message lists every problem.</exception>
    public static TeamsConfiguration Read(string path)
    {
        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8);
            yaml.Load(reader);
        }
        catch (YamlException e)
        {
            throw new Cli.UserErrorException($"{path}:{e.Start.Line}:{e.Start.Column}: {e.InnerException?.Message ?? e.Message}");
        }

        var errors = new List<string>();
        var result = Parse(path, yaml, errors);
        if (errors.Count > 0)
        {
            throw new Cli.UserErrorException(string.Join(Environment.NewLine, errors));
        }

        return result;
    }

    /// <summary>Writes teams in the file's format (used by the demo so users see a real example).</summary>
    public static string Write(TeamsConfiguration configuration)
    {
        var text = new StringBuilder();
        text.AppendLine("# Teams: who is on which team, what they own, and where their reports go. See docs/configuration.md.");
        text.AppendLine("bots: [" + string.Join(", ", configuration.Bots.Select(Quote)) + "]");
        text.AppendLine("teams:");
        foreach (var team in configuration.Teams)
        {
            text.AppendLine($"  - id: {Quote(team.Id)}");
            text.AppendLine($"    name: {Quote(team.Name)}");
            text.AppendLine($"    timeZone: {Quote(team.TimeZone)}");
            if (team.WorkingHours != WorkingHours.Default)
            {
                text.AppendLine($"    workingHours: {Quote(team.WorkingHours.ToString())}");
            }
            if (team.Email is not null)
            {
                text.AppendLine($"    email: {Quote(team.Email)}");
            }

            text.AppendLine("    repositories: [" + string.Join(", ", team.Repositories.Select(Quote)) + "]");
            text.AppendLine("    services: [" + string.Join(", ", team.Services.Select(Quote)) + "]");
            TeamsFileWork.Write(text, team);
            if (configuration.Goals.GetValueOrDefault(team.Id) is { Count: > 0 } goals)
            {
                text.AppendLine("    goals: { " + string.Join(", ", goals.Select(g => $"{g.Metric}: {Quote(g.Text)}")) + " }");
            }

            // A bare "members:" is a null value, which Read rejects ("'members' must be a list"): an empty team gets "[]".
            text.AppendLine(team.Members.Count == 0 ? "    members: []" : "    members:");
            foreach (var member in team.Members)
            {
                text.AppendLine($"      - id: {Quote(member.Id)}");
                text.AppendLine($"        name: {Quote(member.Name)}");
                foreach (var group in member.Accounts.GroupBy(a => a.Source))
                {
                    var accounts = group.Select(a => Quote(a.Account)).ToList();
                    text.AppendLine($"        {group.Key}: " + (group.Key == "git" ? "[" + string.Join(", ", accounts) + "]" : accounts[0]));
                }

                WriteSchedule(text, member);
            }
        }

        return text.ToString();
    }

    internal static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    private static void WriteSchedule(StringBuilder text, TeamMember member)
    {
        if (member.TimeZone is not null)
        {
            text.AppendLine($"        timeZone: {Quote(member.TimeZone)}");
        }

        if (member.WorkingHours is not null)
        {
            text.AppendLine($"        workingHours: {Quote(member.WorkingHours.ToString())}");
        }

        if (member.Joined is { } joined)
        {
            text.AppendLine($"        joined: {joined.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }

    private static TeamsConfiguration Parse(string path, YamlStream yaml, List<string> errors)
    {
        if (yaml.Documents.Count == 0)
        {
            return TeamsConfiguration.Empty;
        }

        if (yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(At(path, yaml.Documents[0].RootNode, "the file must be a mapping with 'teams' (and optionally 'bots')"));
            return TeamsConfiguration.Empty;
        }

        CheckKeys(path, root, TopKeys, "the top level", errors);
        var bots = Strings(path, Child(root, "bots"), "bots", errors);
        var teams = new List<Team>();
        var goals = new Dictionary<string, IReadOnlyList<Analytics.Reports.Weekly.TeamGoal>>(StringComparer.OrdinalIgnoreCase);
        var teamIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (Child(root, "teams") is { } teamsNode)
        {
            if (teamsNode is not YamlSequenceNode sequence)
            {
                errors.Add(At(path, teamsNode, "'teams' must be a list"));
                return TeamsConfiguration.Empty;
            }

            foreach (var node in sequence)
            {
                if (ParseTeam(path, node, errors) is { } team)
                {
                    if (node is YamlMappingNode mapping && Child(mapping, "goals") is { } goalsNode)
                    {
                        goals[team.Id] = ParseGoals(path, goalsNode, errors);
                    }

                    if (!teamIds.Add(team.Id))
                    {
                        errors.Add(At(path, node, $"team id '{team.Id}' is used twice"));
                    }

                    teams.Add(team);
                }
            }
        }

        return new TeamsConfiguration(teams, bots) { Goals = goals };
    }

    /// <summary>A team's <c>goals:</c> mapping, measure key to goal (<c>pr.cycle_time: "&lt; 2d"</c>).</summary>
    private static List<Analytics.Reports.Weekly.TeamGoal> ParseGoals(string path, YamlNode node, List<string> errors)
    {
        var goals = new List<Analytics.Reports.Weekly.TeamGoal>();
        if (node is not YamlMappingNode mapping)
        {
            errors.Add(At(path, node, "'goals' must be a mapping of measure to goal, such as { pr.cycle_time: \"< 2d\" }"));
            return goals;
        }

        foreach (var (key, value) in mapping.Children)
        {
            var metric = (key as YamlScalarNode)?.Value ?? "";
            if (value is not YamlScalarNode scalar)
            {
                errors.Add(At(path, value, $"goal '{metric}' must be a single value, such as \"< 2d\""));
            }
            else if (!Analytics.Reports.Weekly.TeamGoal.TryParse(metric, scalar.Value, out var goal, out var error))
            {
                errors.Add(At(path, metric.Length > 0 && !Analytics.Reports.Weekly.GoalMetrics.Formats.ContainsKey(metric) ? key : value, error!));
            }
            else
            {
                goals.Add(goal!);
            }
        }

        return goals;
    }

    private static Team? ParseTeam(string path, YamlNode node, List<string> errors)
    {
        if (node is not YamlMappingNode team)
        {
            errors.Add(At(path, node, "each team must be a mapping with id, name, members…"));
            return null;
        }

        CheckKeys(path, team, TeamKeys, "a team", errors);
        var id = RequiredScalar(path, team, "id", "a team", errors);
        var name = Scalar(path, Child(team, "name"), "name", errors) ?? id;
        var timeZone = Scalar(path, Child(team, "timeZone"), "timeZone", errors) ?? "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            errors.Add(At(path, Child(team, "timeZone")!, $"unknown time zone '{timeZone}'; use an IANA name such as Europe/Berlin"));
        }

        var members = new List<TeamMember>();
        if (Child(team, "members") is { } membersNode)
        {
            if (membersNode is YamlSequenceNode list)
            {
                foreach (var memberNode in list)
                {
                    if (ParseMember(path, memberNode, errors) is { } member)
                    {
                        members.Add(member);
                    }
                }
            }
            else
            {
                errors.Add(At(path, membersNode, "'members' must be a list"));
            }
        }

        var workTypes = TeamsFileWork.WorkTypes(path, Child(team, "workTypes"), errors);
        var postmortems = TeamsFileWork.Postmortems(path, Child(team, "postmortems"), errors);
        var hours = Hours(path, team, errors) ?? WorkingHours.Default;
        return id is null
            ? null
            : new Team(id, name ?? id, timeZone, ValueList.From(members), ValueList.From(Strings(path, Child(team, "repositories"), "repositories", errors)),
                ValueList.From(Strings(path, Child(team, "services"), "services", errors)), Scalar(path, Child(team, "email"), "email", errors))
            {
                WorkTypes = workTypes,
                Postmortems = postmortems,
                WorkingHours = hours,
            };
    }

    private static TeamMember? ParseMember(string path, YamlNode node, List<string> errors)
    {
        if (node is not YamlMappingNode member)
        {
            errors.Add(At(path, node, "each member must be a mapping with id, name and accounts (github, git, jira, pagerduty)"));
            return null;
        }

        CheckKeys(path, member, [.. MemberKeys, .. MemberScheduleKeys], "a member", errors);
        var id = RequiredScalar(path, member, "id", "a member", errors);
        var accounts = new List<IdentityRef>();
        foreach (var source in MemberKeys.Skip(2))
        {
            accounts.AddRange(Strings(path, Child(member, source), source, errors).Select(a => new IdentityRef(source, a)));
        }

        var timeZone = Scalar(path, Child(member, "timeZone"), "timeZone", errors);
        if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            errors.Add(At(path, Child(member, "timeZone")!, $"unknown time zone '{timeZone}'; use an IANA name such as Europe/Berlin"));
        }

        DateOnly? joined = null;
        if (Scalar(path, Child(member, "joined"), "joined", errors) is { } joinedText)
        {
            if (DateOnly.TryParseExact(joinedText, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                joined = day;
            }
            else
            {
                errors.Add(At(path, Child(member, "joined")!, $"'{joinedText}' is not a date; write it as yyyy-MM-dd"));
            }
        }

        return id is null
            ? null
            : new TeamMember(id, Scalar(path, Child(member, "name"), "name", errors) ?? id, ValueList.From(accounts))
            {
                TimeZone = timeZone,
                WorkingHours = Hours(path, member, errors),
                Joined = joined,
            };
    }

    /// <summary>The <c>workingHours</c> of a team or member (<c>09:00-17:30 Mon-Fri</c>), null when absent or wrong.</summary>
    private static WorkingHours? Hours(string path, YamlMappingNode node, List<string> errors)
    {
        if (Scalar(path, Child(node, "workingHours"), "workingHours", errors) is not { } text)
        {
            return null;
        }

        var hours = WorkingHours.Parse(text, out var error);
        if (error is not null)
        {
            errors.Add(At(path, Child(node, "workingHours")!, error));
        }

        return hours;
    }

    internal static void CheckKeys(string path, YamlMappingNode node, string[] known, string what, List<string> errors)
    {
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(At(path, key, $"unknown key '{name}' in {what}{Suggest.DidYouMean(name, known)}"));
            }
        }
    }

    internal static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? RequiredScalar(string path, YamlMappingNode node, string key, string what, List<string> errors)
    {
        var value = Scalar(path, Child(node, key), key, errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(At(path, node, $"{what} needs '{key}'"));
            return null;
        }

        return value;
    }

    internal static string? Scalar(string path, YamlNode? node, string key, List<string> errors)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                return scalar.Value;
            default:
                errors.Add(At(path, node, $"'{key}' must be a single value"));
                return null;
        }
    }

    internal static List<string> Strings(string path, YamlNode? node, string key, List<string> errors)
    {
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value):
                return [scalar.Value!];
            case YamlSequenceNode sequence:
                var values = new List<string>();
                foreach (var item in sequence)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } value })
                    {
                        values.Add(value);
                    }
                    else
                    {
                        errors.Add(At(path, item, $"items of '{key}' must be single values"));
                    }
                }

                return values;
            default:
                errors.Add(At(path, node, $"'{key}' must be a value or a list of values"));
                return [];
        }
    }

    internal static string At(string path, YamlNode node, string message) => $"{path}:{node.Start.Line}:{node.Start.Column}: {message}";
}
