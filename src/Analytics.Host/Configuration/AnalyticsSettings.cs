using System.ComponentModel.DataAnnotations;

namespace Analytics.Host.Configuration;

/// <summary>
/// The main settings (<c>config/analytics.json</c>, overridable by <c>ANALYTICS__SECTION__KEY</c> environment variables).
/// Every key is listed in <c>docs/configuration.md</c>. Secrets never live here: they come from the environment.
/// </summary>
internal sealed class AnalyticsSettings
{
    /// <summary>Where the data is kept.</summary>
    [Required]
    public StoreSettings Store { get; set; } = new();

    /// <summary>Where teams are declared.</summary>
    [Required]
    public TeamsSettings Teams { get; set; } = new();

    /// <summary>Where reports are written.</summary>
    [Required]
    public ReportsSettings Reports { get; set; } = new();

    /// <summary>What <c>analytics collect jira</c> reads.</summary>
    [Required]
    public JiraSettings Jira { get; set; } = new();

    /// <summary>What <c>analytics collect pagerduty</c> reads.</summary>
    [Required]
    public PagerDutySettings PagerDuty { get; set; } = new();
    /// <summary>What <c>analytics collect github</c> reads.</summary>
    [Required]
    public GitHubSettings GitHub { get; set; } = new();

    /// <summary>What CI runners cost (the <c>ci.cost</c> signals).</summary>
    [Required]
    public CiCostSettings CiCost { get; set; } = new();
}

/// <summary>The <c>Store</c> section.</summary>
internal sealed class StoreSettings
{
    /// <summary>A SQLite file path (default <c>data/analytics.db</c>) or a PostgreSQL URL or connection string.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Location { get; set; } = "data/analytics.db";
}

/// <summary>The <c>Teams</c> section.</summary>
internal sealed class TeamsSettings
{
    /// <summary>The teams file (default <c>config/teams.yaml</c>); a missing file means no teams yet.</summary>
    [Required(AllowEmptyStrings = false)]
    public string File { get; set; } = "config/teams.yaml";
}

/// <summary>The <c>Reports</c> section.</summary>
internal sealed class ReportsSettings
{
    /// <summary>The folder reports are written to (default <c>reports</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string OutputDirectory { get; set; } = "reports";
}

/// <summary>The <c>Jira</c> section (Jira Cloud, REST v3). Credentials come from the environment variables it names.</summary>
internal sealed class JiraSettings
{
    /// <summary>The site, such as <c>https://acme.atlassian.net</c>; required by <c>collect jira</c>.</summary>
    [Url]
    public string? BaseUrl { get; set; }

    /// <summary>The environment variable holding the account's e-mail (default <c>JIRA_EMAIL</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string EmailVariable { get; set; } = "JIRA_EMAIL";

    /// <summary>The environment variable holding the API token (default <c>JIRA_API_TOKEN</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string TokenVariable { get; set; } = "JIRA_API_TOKEN";

    /// <summary>Project keys to collect, one cursor each.</summary>
    public List<string> Projects { get; set; } = [];

    /// <summary>Named JQL filters to collect, one cursor each (no ORDER BY).</summary>
    public Dictionary<string, string> Jql { get; set; } = [];

    /// <summary>The story-points field id, such as <c>customfield_10016</c>.</summary>
    public string? StoryPointsField { get; set; }

    /// <summary>The sprint field id, such as <c>customfield_10020</c>.</summary>
    public string? SprintField { get; set; }

    /// <summary>Issue types also stored as incidents.</summary>
    public List<string> IncidentIssueTypes { get; set; } = [];

    /// <summary>The field naming an incident's service; unset uses the project key.</summary>
    public string? IncidentServiceField { get; set; }

    /// <summary>Issues per search page (default 100).</summary>
    [Range(1, 5000)]
    public int PageSize { get; set; } = 100;
}

/// <summary>The <c>PagerDuty</c> section (REST API v2). The token comes from the environment variable it names.</summary>
internal sealed class PagerDutySettings
{
    /// <summary><c>us</c> (default, <c>api.pagerduty.com</c>) or <c>eu</c> (<c>api.eu.pagerduty.com</c>).</summary>
    [RegularExpression("(?i)^(us|eu)$", ErrorMessage = "must be 'us' or 'eu'")]
    public string Region { get; set; } = "us";

    /// <summary>Overrides the region's API URL (a proxy, a test server).</summary>
    [Url]
    public string? BaseUrl { get; set; }

    /// <summary>The environment variable holding the REST API key (default <c>PAGERDUTY_TOKEN</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string TokenVariable { get; set; } = "PAGERDUTY_TOKEN";

    /// <summary>Only these service ids; empty for all.</summary>
    public List<string> ServiceIds { get; set; } = [];

    /// <summary>PagerDuty service ids or names to the teams file's service names.</summary>
    public Dictionary<string, string> ServiceMap { get; set; } = [];

    /// <summary>Days the first sync reads back (default 180).</summary>
    [Range(1, 3650)]
    public int InitialLookbackDays { get; set; } = 180;
}

/// <summary>The <c>GitHub</c> section (see <c>docs/sources/github.md</c>). The token itself is never here.</summary>
internal sealed class GitHubSettings
{
    /// <summary>The REST API root (default <c>https://api.github.com</c>; <c>https://HOST/api/v3</c> for GitHub Enterprise Server).</summary>
    [Required(AllowEmptyStrings = false)]
    [Url]
    public string BaseUrl { get; set; } = "https://api.github.com";

    /// <summary>The environment variable holding the token (default <c>GITHUB_TOKEN</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string TokenVariable { get; set; } = "GITHUB_TOKEN";

    /// <summary>Repositories to collect, as <c>owner/name</c>.</summary>
    public List<string> Repositories { get; set; } = [];

    /// <summary>Organisations whose repositories are collected (filtered by <see cref="Include"/> and <see cref="Exclude"/>).</summary>
    public List<string> Organisations { get; set; } = [];

    /// <summary>Glob patterns on <c>owner/name</c> an organisation's repository must match (empty: all).</summary>
    public List<string> Include { get; set; } = [];

    /// <summary>Glob patterns on <c>owner/name</c> left out.</summary>
    public List<string> Exclude { get; set; } = [];

    /// <summary>Requests in flight at once (default 4).</summary>
    [Range(1, 100)]
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>Retries of one request after 5xx, timeouts, truncated bodies or secondary limits (default 5).</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>The longest wait for a rate-limit reset before the run stops (default 15 minutes).</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How far before the watermark workflow runs and deployments are listed again (default 3 days).</summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Where a repository's first sync starts; empty reads everything.</summary>
    public DateTimeOffset? Since { get; set; }
}
