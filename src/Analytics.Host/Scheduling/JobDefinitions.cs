using System.Text.RegularExpressions;
using Analytics.Host.Cli;
using Quartz;

namespace Analytics.Host.Scheduling;

/// <summary>Checks the <c>Schedules</c> settings and turns them into <see cref="JobDefinition"/>s.</summary>
internal static partial class JobDefinitions
{
    /// <summary>The sources <c>collect</c> jobs accept: the subcommands of <c>analytics collect</c>.</summary>
    public static IReadOnlyList<string> Sources { get; } = ["github", "jira", "pagerduty", "git"];

    private static readonly Dictionary<string, JobKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["collect"] = JobKind.Collect,
        ["evaluate"] = JobKind.Evaluate,
        ["report-weekly"] = JobKind.ReportWeekly,
        ["report-quarterly"] = JobKind.ReportQuarterly,
        ["deliver"] = JobKind.Deliver,
    };

    /// <summary>Checks every entry and reports all problems at once, each with its key.</summary>
    /// <exception cref="UserErrorException">An entry is invalid; the message names each key (<c>Schedules:1:Cron</c>).</exception>
    public static IReadOnlyList<JobDefinition> Parse(IReadOnlyList<ScheduleSettings> schedules)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        var errors = new List<string>();
        var jobs = new List<JobDefinition>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < schedules.Count; i++)
        {
            var entry = schedules[i];
            var key = $"Schedules:{i}:";
            var before = errors.Count;
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                errors.Add($"{key}Name: is required");
            }
            else if (!NamePattern().IsMatch(entry.Name))
            {
                errors.Add($"{key}Name: '{entry.Name}' must be lower-case letters, digits and '-' (at most 60), starting with a letter");
            }
            else if (!names.Add(entry.Name))
            {
                errors.Add($"{key}Name: '{entry.Name}' is used by an earlier schedule; names must be unique");
            }

            JobKind kind = default;
            if (string.IsNullOrWhiteSpace(entry.Kind))
            {
                errors.Add($"{key}Kind: is required (one of {string.Join(", ", Kinds.Keys)})");
            }
            else if (!Kinds.TryGetValue(entry.Kind, out kind))
            {
                errors.Add($"{key}Kind: unknown kind '{entry.Kind}'{Domain.Common.Suggest.DidYouMean(entry.Kind, Kinds.Keys)}; one of {string.Join(", ", Kinds.Keys)}");
            }
            else if (kind == JobKind.Collect)
            {
                if (string.IsNullOrWhiteSpace(entry.Source))
                {
                    errors.Add($"{key}Source: is required for kind 'collect' (one of {string.Join(", ", Sources)})");
                }
                else if (!Sources.Contains(entry.Source.ToLowerInvariant()))
                {
                    errors.Add($"{key}Source: unknown source '{entry.Source}'{Domain.Common.Suggest.DidYouMean(entry.Source, Sources)}; one of {string.Join(", ", Sources)}");
                }
                else if (string.Equals(entry.Source, "git", StringComparison.OrdinalIgnoreCase) && entry.Arguments.Count == 0)
                {
                    errors.Add($"{key}Arguments: 'collect git' needs the paths of the clones to read");
                }
            }
            else if (!string.IsNullOrWhiteSpace(entry.Source))
            {
                errors.Add($"{key}Source: only 'collect' jobs have a source");
            }

            if (string.IsNullOrWhiteSpace(entry.Cron))
            {
                errors.Add($"{key}Cron: is required (Quartz syntax with seconds, such as '0 0 6 ? * MON-FRI')");
            }
            else if (!CronExpression.TryParse(entry.Cron, out _))
            {
                errors.Add($"{key}Cron: '{entry.Cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year], one of the two days '?', such as '0 0 6 ? * MON-FRI')");
            }

            TimeZoneInfo? zone = null;
            if (string.IsNullOrWhiteSpace(entry.TimeZone))
            {
                errors.Add($"{key}TimeZone: is required (an IANA name such as Europe/Berlin)");
            }
            else if (!TimeZoneInfo.TryFindSystemTimeZoneById(entry.TimeZone, out zone))
            {
                errors.Add($"{key}TimeZone: unknown time zone '{entry.TimeZone}' (an IANA name such as Europe/Berlin)");
            }

            if (entry.Retries is < 0 or > 20)
            {
                errors.Add($"{key}Retries: {entry.Retries} must be between 0 and 20");
            }

            if (entry.RetryDelay <= TimeSpan.Zero || entry.RetryDelay > TimeSpan.FromDays(1))
            {
                errors.Add($"{key}RetryDelay: {entry.RetryDelay} must be more than zero and at most a day");
            }

            if (errors.Count == before)
            {
                jobs.Add(new JobDefinition(
                    entry.Name!, kind, kind == JobKind.Collect ? entry.Source!.ToLowerInvariant() : null, entry.Cron!.Trim(), zone!,
                    entry.Retries, entry.RetryDelay, entry.Enabled, [.. entry.Arguments]));
            }
        }

        return errors.Count == 0 ? jobs : throw new UserErrorException($"invalid schedules: {string.Join("; ", errors)}");
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,59}$")]
    private static partial Regex NamePattern();
}
