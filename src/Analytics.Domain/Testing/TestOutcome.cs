namespace Analytics.Domain.Testing;

/// <summary>How one execution of a test ended.</summary>
public enum TestOutcome
{
    /// <summary>It passed.</summary>
    Passed,

    /// <summary>An assertion failed.</summary>
    Failed,

    /// <summary>It threw or could not run (JUnit's <c>error</c>).</summary>
    Error,

    /// <summary>It did not run.</summary>
    Skipped,
}
