namespace Analytics.Host.Cli;

/// <summary>What the <c>analytics</c> command's exit code means (documented in <c>docs/cli.md</c>).</summary>
internal enum ExitCode
{
    /// <summary>Done, nothing at or above <c>--fail-on</c>.</summary>
    Ok = 0,

    /// <summary>Findings at or above <c>--fail-on</c> (for CI gates).</summary>
    Findings = 1,

    /// <summary>A usage, configuration or input error: the message says what to fix.</summary>
    UserError = 2,

    /// <summary>A bug in analytics itself; the message asks for a report.</summary>
    InternalError = 3,

    /// <summary>Cancelled (Ctrl+C).</summary>
    Cancelled = 130,
}
