namespace Analytics.Collectors.Simulation;

/// <summary>A pull request's life as planned, before it becomes records.</summary>
internal sealed class PullRequestPlan
{
    /// <summary>The repository.</summary>
    public required SimRepo Repo { get; init; }

    /// <summary>The author.</summary>
    public required SimPerson Author { get; init; }

    /// <summary>When it was opened.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Its title.</summary>
    public required string Title { get; init; }

    /// <summary>Its branch.</summary>
    public required string HeadRef { get; init; }

    /// <summary>Its labels.</summary>
    public required string[] Labels { get; init; }

    /// <summary>The component it changes; null for a dependency update.</summary>
    public string? Component { get; init; }

    /// <summary>The lines it aims to change.</summary>
    public int TargetLines { get; init; }

    /// <summary>The share of changed lines that are additions.</summary>
    public double AdditionShare { get; init; }

    /// <summary>The number of files it aims to change.</summary>
    public int FileCount { get; init; }

    /// <summary>Commits on its branch.</summary>
    public List<CommitPlan> Commits { get; } = [];

    /// <summary>Pushes that trigger CI: the head commit and when it was pushed.</summary>
    public List<CommitPlan> Pushes { get; } = [];

    /// <summary>Its reviews.</summary>
    public List<ReviewPlan> Reviews { get; } = [];

    /// <summary>When it left draft, if it ever was one.</summary>
    public DateTimeOffset? ReadyAt { get; set; }

    /// <summary>Whether it was opened as a draft.</summary>
    public bool OpenedAsDraft { get; set; }

    /// <summary>When it was merged.</summary>
    public DateTimeOffset? MergedAt { get; set; }

    /// <summary>When it was closed without merging.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The squash commit on main.</summary>
    public string? MergeSha { get; set; }

    /// <summary>Its number, given once every pull request is planned.</summary>
    public int Number { get; set; }

    /// <summary>The files it changes, chosen when it merges (or opens, if it never merges).</summary>
    public List<FilePlan> Files { get; } = [];

    /// <summary>Its id: <c>owner/name#number</c>.</summary>
    public string SourceId => $"{Repo.FullName}#{Number}";
}
