namespace Analytics.Reports.Quarterly;

/// <summary>How a check compares its value with a level's threshold.</summary>
public enum Comparison
{
    /// <summary><c>&gt;=</c>: passes when the value is at least the threshold.</summary>
    AtLeast,

    /// <summary><c>&gt;</c>: passes when the value is above the threshold.</summary>
    Above,

    /// <summary><c>&lt;=</c>: passes when the value is at most the threshold.</summary>
    AtMost,

    /// <summary><c>&lt;</c>: passes when the value is below the threshold.</summary>
    Below,
}
