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

    /// <summary>Who may use the dashboard, the API, the webhook receiver and the upload endpoint of <c>analytics serve</c>.</summary>
    [Required]
    public WebSettings Web { get; set; } = new();

    /// <summary>Where <c>analytics deliver</c> sends e-mails.</summary>
    [Required]
    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Webhooks by name, for <c>analytics deliver</c>.</summary>
    public Dictionary<string, WebhookSettings> Webhooks { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How the delivery outbox retries.</summary>
    [Required]
    public DeliverySettings Delivery { get; set; } = new();
    /// <summary>What <c>analytics collect opsgenie</c> reads.</summary>
    [Required]
    public OpsgenieSettings Opsgenie { get; set; } = new();

    /// <summary>What <c>analytics collect statuspage</c> reads.</summary>
    [Required]
    public StatuspageSettings Statuspage { get; set; } = new();

    /// <summary>How incidents are attributed to deployments (DORA change failure rate and recovery time).</summary>
    [Required]
    public AttributionSettings Attribution { get; set; } = new();

    /// <summary>How <c>analytics serve</c> listens.</summary>
    [Required]
    public Server.ServerSettings Server { get; set; } = new();

    /// <summary>How <c>analytics serve</c> runs the schedules.</summary>
    [Required]
    public Scheduling.SchedulerSettings Scheduler { get; set; } = new();

    /// <summary>The jobs <c>analytics serve</c> runs (see <c>docs/scheduling.md</c>).</summary>
    public List<Scheduling.ScheduleSettings> Schedules { get; set; } = [];

    /// <summary>What CI runners cost (the <c>ci.cost</c> signals).</summary>
    [Required]
    public CiCostSettings CiCost { get; set; } = new();
}

/// <summary>The <c>Opsgenie</c> section (see <c>docs/sources/opsgenie.md</c>). The key comes from the environment variable it names.</summary>
internal sealed class OpsgenieSettings
{
    /// <summary><c>us</c> (default, <c>api.opsgenie.com</c>) or <c>eu</c> (<c>api.eu.opsgenie.com</c>).</summary>
    [RegularExpression("(?i)^(us|eu)$", ErrorMessage = "must be 'us' or 'eu'")]
    public string Region { get; set; } = "us";

    /// <summary>Overrides the region's API URL (a proxy, a test server).</summary>
    [Url]
    public string? BaseUrl { get; set; }

    /// <summary>The environment variable holding the API key (default <c>OPSGENIE_API_KEY</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string KeyVariable { get; set; } = "OPSGENIE_API_KEY";

    /// <summary>Whether incidents are collected (default true).</summary>
    public bool Incidents { get; set; } = true;

    /// <summary>Whether alerts are collected too (default false).</summary>
    public bool Alerts { get; set; }

    /// <summary>An Opsgenie search query narrowing the incidents.</summary>
    public string? IncidentQuery { get; set; }

    /// <summary>An Opsgenie search query narrowing the alerts.</summary>
    public string? AlertQuery { get; set; }

    /// <summary>The tag prefix naming the service (default <c>service:</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string ServiceTagPrefix { get; set; } = "service:";

    /// <summary>Opsgenie names (service tag values, teams, integrations) to the teams file's service names.</summary>
    public Dictionary<string, string> ServiceMap { get; set; } = [];

    /// <summary>The service of an incident that names none (default <c>unmapped</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string DefaultService { get; set; } = "unmapped";

    /// <summary>Days the first sync (and a full refresh) reads back (default 180).</summary>
    [Range(1, 3650)]
    public int InitialLookbackDays { get; set; } = 180;
}

/// <summary>The <c>Statuspage</c> section (see <c>docs/sources/statuspage.md</c>). The key comes from the environment variable it names.</summary>
internal sealed class StatuspageSettings
{
    /// <summary>The management API (default <c>https://api.statuspage.io/v1</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    [Url]
    public string BaseUrl { get; set; } = "https://api.statuspage.io/v1";

    /// <summary>The environment variable holding the API key (default <c>STATUSPAGE_API_KEY</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string KeyVariable { get; set; } = "STATUSPAGE_API_KEY";

    /// <summary>The status pages to read, by page id.</summary>
    public List<string> PageIds { get; set; } = [];

    /// <summary>Component names or ids to the teams file's service names.</summary>
    public Dictionary<string, string> ComponentMap { get; set; } = [];

    /// <summary>The service of an incident with no component (default <c>unmapped</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string DefaultService { get; set; } = "unmapped";
}

/// <summary>The <c>Attribution</c> section (see <c>docs/attribution.md</c>).</summary>
internal sealed class AttributionSettings
{
    /// <summary>
    /// How far before an incident a production deployment of its service may have gone live to be blamed for it, when
    /// the incident names no deployment (default 24 hours; zero attributes only explicit links).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);
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

/// <summary>The <c>Jira</c> section (Jira Cloud or Data Center). Credentials come from the environment variables it names.</summary>
internal sealed class JiraSettings
{
    /// <summary><c>cloud</c> (default: REST v3, e-mail + API token) or <c>datacenter</c> (Server/Data Center: REST v2, personal access token).</summary>
    [RegularExpression("(?i)^(cloud|datacenter)$", ErrorMessage = "must be 'cloud' or 'datacenter'")]
    public string Flavor { get; set; } = "cloud";

    /// <summary>The site, such as <c>https://acme.atlassian.net</c>; required by <c>collect jira</c>.</summary>
    [Url]
    public string? BaseUrl { get; set; }

    /// <summary>The environment variable holding the account's e-mail (default <c>JIRA_EMAIL</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string EmailVariable { get; set; } = "JIRA_EMAIL";

    /// <summary>The environment variable holding the API token, or the personal access token on Data Center (default <c>JIRA_API_TOKEN</c>).</summary>
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

    /// <summary>The field naming the deployment that caused an incident (else a <c>deployment:&lt;id&gt;</c> label).</summary>
    public string? IncidentDeploymentField { get; set; }

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

    /// <summary>Read pull requests with reviews, comments, commits and files in GraphQL pages (default true); false uses five REST lists per pull request.</summary>
    public bool GraphQL { get; set; } = true;

    /// <summary>Pull requests per GraphQL page (default 50): the start and ceiling of the adaptive size.</summary>
    [Range(1, 100)]
    public int GraphQLPageSize { get; set; } = 50;

    /// <summary>Read the REST file list of pull requests that rename or copy a file, for the old paths GraphQL lacks (default false).</summary>
    public bool RenameOrigins { get; set; }

    /// <summary>The issue label that makes an issue an incident; unset (default) collects no issues as incidents.</summary>
    public string? IncidentLabel { get; set; }

    /// <summary>The issue label prefix naming an incident's service (default <c>service:</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string IncidentServiceLabelPrefix { get; set; } = "service:";

    /// <summary>Repositories to the service their incidents affect when no service label is set (else the teams file, else the repository's name).</summary>
    public Dictionary<string, string> IncidentServiceMap { get; set; } = [];

    /// <summary>A GitHub App's id: when set, the collector authenticates as the app's installation instead of with a token.</summary>
    public string? AppId { get; set; }

    /// <summary>The app installation whose tokens are used (with <see cref="AppId"/>).</summary>
    [Range(1, long.MaxValue)]
    public long? InstallationId { get; set; }

    /// <summary>A file holding the app's private key (PEM); relative to the working directory. The key itself is never in settings.</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>An environment variable holding the app's private key (PEM), instead of <see cref="PrivateKeyFile"/>.</summary>
    public string? PrivateKeyVariable { get; set; }

    /// <summary>Glob patterns on artifact names whose JUnit/TRX reports are ingested (such as <c>*junit*</c>); empty reads no artifacts.</summary>
    public List<string> ArtifactPatterns { get; set; } = [];

    /// <summary>The largest artifact zip downloaded, in bytes (default 100 MiB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxArtifactBytes { get; set; } = 100L << 20;

    /// <summary>The most bytes an artifact's reports may inflate to (default 256 MiB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxArtifactExtractedBytes { get; set; } = 256L << 20;

    /// <summary>The most entries an artifact zip may hold (default 10,000).</summary>
    [Range(1, int.MaxValue)]
    public int MaxArtifactEntries { get; set; } = 10_000;
}

/// <summary>
/// The <c>Web</c> section: authentication of the dashboard and API (see <c>docs/security.md</c>). Tokens and secrets
/// are never here, only the environment variables or the file that hold them.
/// </summary>
internal sealed class WebSettings
{
    /// <summary>Environment variables each holding one API token (sent as <c>Authorization: Bearer …</c>); the variable's name is the caller's name.</summary>
    public List<string> ApiTokenVariables { get; set; } = [];

    /// <summary>A file of API token hashes, one <c>name sha256-hex</c> per line (<c>#</c> comments); unset for none.</summary>
    public string? ApiTokenHashFile { get; set; }

    /// <summary>Addresses of reverse proxies whose <see cref="IdentityHeader"/> is believed; empty (the default) believes none.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>The header a trusted proxy puts the signed-in user's name in (default <c>X-Forwarded-User</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string IdentityHeader { get; set; } = "X-Forwarded-User";

    /// <summary>The environment variable holding the GitHub webhook secret (default <c>GITHUB_WEBHOOK_SECRET</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string WebhookSecretVariable { get; set; } = "GITHUB_WEBHOOK_SECRET";

    /// <summary>The environment variable holding the test-report upload token (default <c>ANALYTICS_UPLOAD_TOKEN</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string UploadTokenVariable { get; set; } = "ANALYTICS_UPLOAD_TOKEN";

    /// <summary>The largest accepted webhook body or uploaded report, in bytes (default 50 MiB).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBytes { get; set; } = 50L << 20;
}
