namespace Analytics.Collectors.Incidents;

/// <summary>
/// Names an incident's service as the teams file does, from what a source says about it (a tag, a component, a team, an
/// integration), the one way the incident collectors share.
/// </summary>
internal static class ServiceName
{
    /// <summary>
    /// The first candidate the map renames (keys match ignoring case), else the first candidate, else
    /// <paramref name="fallback"/>.
    /// </summary>
    /// <param name="map">Source names to service names.</param>
    /// <param name="candidates">What the source says, most specific first; null or blank entries are skipped.</param>
    /// <param name="fallback">The service of an incident that names none.</param>
    public static string Resolve(IReadOnlyDictionary<string, string> map, IEnumerable<string?> candidates, string fallback)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(candidates);
        var named = candidates.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()).ToList();
        foreach (var candidate in named)
        {
            var mapped = map.FirstOrDefault(m => string.Equals(m.Key, candidate, StringComparison.OrdinalIgnoreCase)).Value;
            if (!string.IsNullOrWhiteSpace(mapped))
            {
                return mapped;
            }
        }

        return named.FirstOrDefault() ?? fallback;
    }

    /// <summary>The value of the first tag starting with <paramref name="prefix"/> (any case), or null.</summary>
    public static string? FromTags(IEnumerable<string> tags, string prefix) =>
        tags.Where(t => t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(t => t[prefix.Length..].Trim())
            .FirstOrDefault(v => v.Length > 0);
}
