namespace Analytics.Collectors.Incidents;

/// <summary>
/// Reads an incident's explicit link to the deployment that caused it from labels or tags such as
/// <c>deployment:1500000042</c>: the one convention every incident collector uses (see <c>docs/attribution.md</c>).
/// </summary>
internal static class DeploymentLink
{
    /// <summary>The default label prefix.</summary>
    public const string DefaultPrefix = "deployment:";

    /// <summary>The deployment id of the first label starting with <paramref name="prefix"/> (any case), trimmed; null when none.</summary>
    /// <param name="labels">The labels or tags.</param>
    /// <param name="prefix">The prefix, such as <c>deployment:</c>.</param>
    public static string? FromLabels(IEnumerable<string> labels, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return labels
            .Where(l => l.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(l => l[prefix.Length..].Trim())
            .FirstOrDefault(id => id.Length > 0);
    }
}
