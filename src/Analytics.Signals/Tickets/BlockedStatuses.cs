namespace Analytics.Signals.Tickets;

/// <summary>Which workflow statuses count as blocked for <c>tickets.blocked_time</c> and <c>tickets.blocked_share</c>.</summary>
public static class BlockedStatuses
{
    /// <summary>
    /// The default list: <c>Blocked</c>, <c>On hold</c> and <c>Waiting</c>, the names Jira's templates and most team
    /// workflows use for "cannot move on". Matched whole (not as substrings), ignoring case and surrounding spaces.
    /// </summary>
    public static IReadOnlyList<string> Default { get; } = ["Blocked", "On hold", "Waiting"];

    /// <summary>A case-insensitive set of the given names (the default list when null).</summary>
    /// <exception cref="ArgumentException">A name is blank.</exception>
    internal static IReadOnlySet<string> ToSet(IEnumerable<string>? names)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names ?? Default)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(names));
            set.Add(name.Trim());
        }

        return set;
    }
}
