namespace Analytics.Collectors.PagerDuty;

/// <summary>What to collect from PagerDuty (REST API v2) and how to name its services.</summary>
public sealed record PagerDutyOptions
{
    /// <summary>The US service's API (the default).</summary>
    public static readonly Uri UsBaseUrl = new("https://api.pagerduty.com");

    /// <summary>The EU service's API, for accounts hosted in the EU.</summary>
    public static readonly Uri EuBaseUrl = new("https://api.eu.pagerduty.com");

    /// <summary>The API (default <see cref="UsBaseUrl"/>).</summary>
    public Uri BaseUrl { get; init; } = UsBaseUrl;

    /// <summary>Only incidents of these PagerDuty service ids; empty (default) for all.</summary>
    public IReadOnlyList<string> ServiceIds { get; init; } = [];

    /// <summary>
    /// PagerDuty service ids or names to the service names of the teams file; a service not listed keeps its PagerDuty
    /// name.
    /// </summary>
    public IReadOnlyDictionary<string, string> ServiceMap { get; init; } = new Dictionary<string, string>();

    /// <summary>How far back the first sync reads (default 180 days).</summary>
    public TimeSpan InitialLookback { get; init; } = TimeSpan.FromDays(180);

    /// <summary>Incidents or log entries per page (default 100, PagerDuty's maximum).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>PagerDuty's classic paging ceiling: <c>offset + limit</c> may not exceed it (default 10,000).</summary>
    public int OffsetCeiling { get; init; } = 10_000;

    /// <summary>The widest window one incident listing covers (default 30 days; PagerDuty allows 6 months).</summary>
    public TimeSpan MaxWindow { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The narrowest window the ceiling may split down to before the sync gives up (default 1 minute).</summary>
    public TimeSpan MinWindow { get; init; } = TimeSpan.FromMinutes(1);
}
