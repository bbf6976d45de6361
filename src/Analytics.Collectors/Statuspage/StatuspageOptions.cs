namespace Analytics.Collectors.Statuspage;

/// <summary>What to collect from Atlassian Statuspage (the management API) and how to name services.</summary>
public sealed record StatuspageOptions
{
    /// <summary>The management API (the default base URL).</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.statuspage.io/v1");

    /// <summary>The API (default <see cref="DefaultBaseUrl"/>).</summary>
    public Uri BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>The status pages to read, by page id; each is one scope with its own cursor.</summary>
    public IReadOnlyList<string> PageIds { get; init; } = [];

    /// <summary>Component names or ids to the teams file's service names; keys match ignoring case.</summary>
    public IReadOnlyDictionary<string, string> ComponentMap { get; init; } = new Dictionary<string, string>();

    /// <summary>The service of an incident with no component (default <c>unmapped</c>, so it shows rather than vanishes).</summary>
    public string DefaultService { get; init; } = "unmapped";

    /// <summary>Incidents per page (default 100, the API's maximum).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>The least time between two requests (default 1 s: Statuspage allows one request per second per token).</summary>
    public TimeSpan MinInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The most pages read per status page before the sync stops with an error (default 10,000).</summary>
    public int MaxPages { get; init; } = 10_000;
}
