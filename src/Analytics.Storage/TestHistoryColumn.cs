namespace Analytics.Storage;

/// <summary>Where each of <see cref="IStore.TestHistoryColumns"/> is in the batches of <see cref="IStore.ReadTestHistoriesAsync"/>.</summary>
public static class TestHistoryColumn
{
    /// <summary>The test's id (a text code).</summary>
    public const int TestId = 0;

    /// <summary>The system that brought the result (a text code).</summary>
    public const int Source = 1;

    /// <summary>The CI run (a text code).</summary>
    public const int RunId = 2;

    /// <summary>The run attempt, from 1.</summary>
    public const int Attempt = 3;

    /// <summary>The job name (a text code).</summary>
    public const int Job = 4;

    /// <summary>0 for the first execution in the job, 1 for the first retry…</summary>
    public const int Execution = 5;

    /// <summary>The commit under test (a text code).</summary>
    public const int CommitSha = 6;

    /// <summary>The branch (a text code; nullable).</summary>
    public const int Branch = 7;

    /// <summary>How it ended (the outcome's enum value).</summary>
    public const int Outcome = 8;

    /// <summary>How long it ran (ticks).</summary>
    public const int Duration = 9;

    /// <summary>When it ran (UTC ticks).</summary>
    public const int StartedAt = 10;
}
