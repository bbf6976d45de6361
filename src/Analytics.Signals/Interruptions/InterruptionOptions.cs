namespace Analytics.Signals.Interruptions;

/// <summary>
/// Which tickets are unplanned work: those of <see cref="UnplannedTypes"/> or carrying one of
/// <see cref="UnplannedLabels"/> (both compared ignoring case). Equality is by reference.
/// </summary>
/// <param name="UnplannedTypes">Ticket types that are unplanned by nature (default Bug, Incident, Support).</param>
/// <param name="UnplannedLabels">Labels that mark any ticket as unplanned (default <c>unplanned</c>, <c>interrupt</c>).</param>
public sealed record InterruptionOptions(IReadOnlyList<string> UnplannedTypes, IReadOnlyList<string> UnplannedLabels)
{
    /// <summary>Bugs, incidents and support requests, and tickets labelled <c>unplanned</c> or <c>interrupt</c>.</summary>
    public static InterruptionOptions Default { get; } = new(["Bug", "Incident", "Support"], ["unplanned", "interrupt"]);

    /// <summary>Whether a ticket of <paramref name="type"/> with <paramref name="labels"/> is unplanned work.</summary>
    public bool IsUnplanned(string type, IEnumerable<string> labels) =>
        UnplannedTypes.Contains(type, StringComparer.OrdinalIgnoreCase)
        || labels.Any(l => UnplannedLabels.Contains(l, StringComparer.OrdinalIgnoreCase));
}
