namespace Analytics.Reports.Weekly;

/// <summary>How a goal compares a week's value with its target.</summary>
public enum GoalComparison
{
    /// <summary>The value must be below the target (<c>&lt;</c>).</summary>
    Below,

    /// <summary>The value must be at most the target (<c>&lt;=</c>).</summary>
    AtMost,

    /// <summary>The value must be above the target (<c>&gt;</c>).</summary>
    Above,

    /// <summary>The value must be at least the target (<c>&gt;=</c>).</summary>
    AtLeast,
}
