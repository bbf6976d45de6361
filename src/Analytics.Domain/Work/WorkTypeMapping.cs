using Analytics.Domain.Common;

namespace Analytics.Domain.Work;

/// <summary>
/// How a team's tickets map to <see cref="WorkType"/>s: its own entries (the teams file's <c>workTypes</c>) over
/// <see cref="Defaults"/>. A label decides before a component, a component before the ticket type; for the same field and
/// value the team's entry wins over the default. The default value (no entries) means the defaults alone.
/// Equality is by value.
/// </summary>
/// <param name="Rules">The team's own entries.</param>
public sealed record WorkTypeMapping(ValueList<WorkTypeRule> Rules)
{
    /// <summary>No entries of its own: the defaults alone.</summary>
    public static WorkTypeMapping Default { get; } = new(ValueList<WorkTypeRule>.Empty);

    /// <summary>
    /// The defaults: types <c>Story</c>, <c>Feature</c>, <c>New Feature</c>, <c>Improvement</c> → feature; <c>Bug</c>,
    /// <c>Defect</c> → bug; <c>Incident</c>, <c>Problem</c> → unplanned; <c>Chore</c> → chore; labels <c>feature</c> →
    /// feature; <c>bug</c> → bug; <c>tech-debt</c>, <c>techdebt</c>, <c>tech_debt</c>, <c>debt</c>, <c>refactoring</c> →
    /// tech-debt; <c>unplanned</c>, <c>incident</c>, <c>interrupt</c>, <c>hotfix</c> → unplanned; <c>chore</c>,
    /// <c>maintenance</c>, <c>dependencies</c> → chore. <c>Task</c> and <c>Sub-task</c> are deliberately unmapped: teams
    /// use them for every kind of work.
    /// </summary>
    public static IReadOnlyList<WorkTypeRule> Defaults { get; } =
    [
        .. Of(WorkTypeField.Type, WorkType.Feature, "Story", "Feature", "New Feature", "Improvement"),
        .. Of(WorkTypeField.Type, WorkType.Bug, "Bug", "Defect"),
        .. Of(WorkTypeField.Type, WorkType.Unplanned, "Incident", "Problem"),
        .. Of(WorkTypeField.Type, WorkType.Chore, "Chore"),
        .. Of(WorkTypeField.Label, WorkType.Feature, "feature"),
        .. Of(WorkTypeField.Label, WorkType.Bug, "bug"),
        .. Of(WorkTypeField.Label, WorkType.TechDebt, "tech-debt", "techdebt", "tech_debt", "debt", "refactoring"),
        .. Of(WorkTypeField.Label, WorkType.Unplanned, "unplanned", "incident", "interrupt", "hotfix"),
        .. Of(WorkTypeField.Label, WorkType.Chore, "chore", "maintenance", "dependencies"),
    ];

    /// <summary>The work type of a ticket with these type, labels and components.</summary>
    public WorkType Classify(string type, IEnumerable<string> labels, IEnumerable<string> components)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(components);
        foreach (var label in labels)
        {
            if (Find(WorkTypeField.Label, label) is { } found)
            {
                return found;
            }
        }

        foreach (var component in components)
        {
            if (Find(WorkTypeField.Component, component) is { } found)
            {
                return found;
            }
        }

        return Find(WorkTypeField.Type, type) ?? WorkType.Unclassified;
    }

    /// <summary>The name used in labels and configuration: <c>feature</c>, <c>bug</c>, <c>tech-debt</c>, <c>unplanned</c>, <c>chore</c>, <c>unclassified</c>.</summary>
    public static string NameOf(WorkType type) => type switch
    {
        WorkType.Feature => "feature",
        WorkType.Bug => "bug",
        WorkType.TechDebt => "tech-debt",
        WorkType.Unplanned => "unplanned",
        WorkType.Chore => "chore",
        _ => "unclassified",
    };

    /// <summary>The work type named <paramref name="name"/> (as <see cref="NameOf"/> writes it, ignoring case), or null.</summary>
    public static WorkType? Parse(string? name) =>
        Enum.GetValues<WorkType>().Select(t => (WorkType?)t).FirstOrDefault(t => string.Equals(NameOf(t!.Value), name?.Trim(), StringComparison.OrdinalIgnoreCase));

    private WorkType? Find(WorkTypeField field, string value)
    {
        var trimmed = value.Trim();
        foreach (var rules in new[] { Rules, Defaults })
        {
            foreach (var rule in rules)
            {
                if (rule.Field == field && string.Equals(rule.Value, trimmed, StringComparison.OrdinalIgnoreCase))
                {
                    return rule.WorkType;
                }
            }
        }

        return null;
    }

    private static IEnumerable<WorkTypeRule> Of(WorkTypeField field, WorkType type, params string[] values) =>
        values.Select(v => new WorkTypeRule(field, v, type));
}
