namespace Analytics.Collectors.Jira;

/// <summary>What to collect from a Jira site (Cloud or Data Center) and how to read its custom fields.</summary>
public sealed record JiraOptions
{
    /// <summary>Which Jira the site runs (default <see cref="JiraFlavor.Cloud"/>); must match the client's.</summary>
    public JiraFlavor Flavor { get; init; } = JiraFlavor.Cloud;

    /// <summary>The site, such as <c>https://acme.atlassian.net</c>.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Project keys; each is one scope (<c>project = KEY</c>) with its own cursor.</summary>
    public IReadOnlyList<string> Projects { get; init; } = [];

    /// <summary>Named JQL filters; each is one scope with its own cursor. The JQL must not have an ORDER BY.</summary>
    public IReadOnlyDictionary<string, string> Jql { get; init; } = new Dictionary<string, string>();

    /// <summary>The story-points field id (<c>customfield_10016</c>, say), or null.</summary>
    public string? StoryPointsField { get; init; }

    /// <summary>The sprint field id (<c>customfield_10020</c>, say), or null; the latest sprint is kept.</summary>
    public string? SprintField { get; init; }

    /// <summary>Issue types (by name, any case) that are also stored as incidents.</summary>
    public IReadOnlyList<string> IncidentIssueTypes { get; init; } = [];

    /// <summary>The field whose value names an incident's service; null (default) uses the project key.</summary>
    public string? IncidentServiceField { get; init; }

    /// <summary>
    /// The field whose value names the deployment that caused an incident (its <c>source_id</c>), or null (default). A
    /// label <c>deployment:&lt;id&gt;</c> names it too; the field wins when both are set.
    /// </summary>
    public string? IncidentDeploymentField { get; init; }

    /// <summary>Issues per search page (default 100).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>
    /// How far before the cursor each incremental search starts (default 1 day): JQL dates are read in the calling user's
    /// time zone, so the overlap covers any zone; re-read issues change nothing.
    /// </summary>
    public TimeSpan Overlap { get; init; } = TimeSpan.FromDays(1);

    /// <summary>The most pages read per search or changelog fetch before the sync stops with an error (default 10,000).</summary>
    public int MaxPages { get; init; } = 10_000;
}
