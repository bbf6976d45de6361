namespace Analytics.Collectors.GitHub;

/// <summary>Which GitHub issues are incidents and how to read them (the repositories and connection are <see cref="GitHubOptions"/>).</summary>
public sealed record GitHubIncidentOptions
{
    /// <summary>The label that makes an issue an incident (default <c>incident</c>).</summary>
    public string Label { get; init; } = "incident";

    /// <summary>The label prefix naming the service (default <c>service:</c>, so a label <c>service:payments</c>).</summary>
    public string ServiceLabelPrefix { get; init; } = "service:";

    /// <summary>
    /// Repositories (<c>owner/name</c>, any case) to the service their incidents affect, used when no service label is
    /// set; a repository not listed gives its name (the part after the slash).
    /// </summary>
    public IReadOnlyDictionary<string, string> ServiceMap { get; init; } = new Dictionary<string, string>();

    /// <summary>The label prefix giving the severity (default <c>sev</c>: <c>sev1</c>, <c>SEV-2</c>, <c>severity:high</c>); the whole label is kept.</summary>
    public string SeverityLabelPrefix { get; init; } = "sev";
}
