namespace Analytics.Host.Scheduling;

/// <summary>What a scheduled job runs: each kind is one <c>analytics</c> command (see <see cref="JobDefinition.CommandLine"/>).</summary>
internal enum JobKind
{
    /// <summary><c>analytics collect &lt;source&gt;</c>.</summary>
    Collect,

    /// <summary><c>analytics evaluate</c>.</summary>
    Evaluate,

    /// <summary><c>analytics report weekly</c>.</summary>
    ReportWeekly,

    /// <summary><c>analytics report quarterly</c>.</summary>
    ReportQuarterly,

    /// <summary><c>analytics deliver</c>: sends what the outboxes hold.</summary>
    Deliver,
}
