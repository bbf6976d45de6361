namespace Analytics.Collectors.Opsgenie;

/// <summary>What to collect from Opsgenie and how to name services.</summary>
public sealed record OpsgenieOptions
{
    /// <summary>The US (default) API.</summary>
    public static readonly Uri UsBaseUrl = new("https://api.opsgenie.com");

    /// <summary>The EU API, for accounts hosted in the EU.</summary>
    public static readonly Uri EuBaseUrl = new("https://api.eu.opsgenie.com");

    /// <summary>The API (default <see cref="UsBaseUrl"/>).</summary>
    public Uri BaseUrl { get; init; } = UsBaseUrl;

    /// <summary>Whether incidents (<c>/v1/incidents</c>) are collected (default true).</summary>
    public bool Incidents { get; init; } = true;

    /// <summary>Whether alerts (<c>/v2/alerts</c>) are collected too (default false: alerts are many, and noisy).</summary>
    public bool Alerts { get; init; }

    /// <summary>An Opsgenie search query narrowing the incidents (<c>priority: P1</c>, say), or null for all.</summary>
    public string? IncidentQuery { get; init; }

    /// <summary>An Opsgenie search query narrowing the alerts, or null for all.</summary>
    public string? AlertQuery { get; init; }

    /// <summary>The tag prefix naming the service (default <c>service:</c>, so a tag <c>service:payments</c>).</summary>
    public string ServiceTagPrefix { get; init; } = "service:";

    /// <summary>
    /// Opsgenie names (a service tag's value, an owner team, an integration, a source) to the teams file's service names;
    /// keys match ignoring case.
    /// </summary>
    public IReadOnlyDictionary<string, string> ServiceMap { get; init; } = new Dictionary<string, string>();

    /// <summary>The service of an incident that names none (default <c>unmapped</c>, so it shows rather than vanishes).</summary>
    public string DefaultService { get; init; } = "unmapped";

    /// <summary>How far back the first sync reads (default 180 days).</summary>
    public TimeSpan InitialLookback { get; init; } = TimeSpan.FromDays(180);

    /// <summary>Items per page (default 100, the API's maximum).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>
    /// The largest <c>offset + limit</c> the sync asks for (default 20,000); past it, the listing starts again from the
    /// creation time of the last item read (keyset), so any number of items is read.
    /// </summary>
    public int OffsetCeiling { get; init; } = 20_000;

    /// <summary>The most pages one listing reads before the sync stops with an error (default 10,000).</summary>
    public int MaxPages { get; init; } = 10_000;
}
