using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Domain.Common;

namespace Analytics.Domain.Incidents;

/// <summary>
/// A team's postmortem expectations (the teams file's <c>postmortems</c>): incidents at or above
/// <see cref="MinimumSeverity"/> need a postmortem within <see cref="BusinessDays"/> business days of their resolution.
/// A postmortem is a document recorded on the incident (<see cref="Incident.PostmortemAt"/>) or a ticket that mentions
/// the incident's id and has one of <see cref="TicketLabels"/> or <see cref="TicketTypes"/>; follow-up work is tickets
/// that mention the incident's id and have one of <see cref="ActionLabels"/>. Equality is by value.
/// </summary>
/// <param name="MinimumSeverity">The least severe severity that needs one (default <c>SEV2</c>).</param>
/// <param name="BusinessDays">Business days (Monday to Friday in the team's time zone) allowed after resolution (default 5).</param>
/// <param name="TicketLabels">Labels that make a ticket a postmortem (default <c>postmortem</c>).</param>
/// <param name="TicketTypes">Ticket types that make a ticket a postmortem (default <c>Postmortem</c>).</param>
/// <param name="ActionLabels">Labels of postmortem action items (default <c>postmortem-action</c>).</param>
public sealed partial record PostmortemPolicy(
    string MinimumSeverity,
    int BusinessDays,
    ValueList<string> TicketLabels,
    ValueList<string> TicketTypes,
    ValueList<string> ActionLabels)
{
    /// <summary>SEV2 and above, within 5 business days; label <c>postmortem</c> or type <c>Postmortem</c>; actions labelled <c>postmortem-action</c>.</summary>
    public static PostmortemPolicy Default { get; } = new("SEV2", 5, ValueList.Of("postmortem"), ValueList.Of("Postmortem"), ValueList.Of("postmortem-action"));

    /// <summary>The least severe severity that needs a postmortem; must have a rank (<see cref="Rank"/>).</summary>
    public string MinimumSeverity { get; init => field = Ranked(value, nameof(MinimumSeverity)); } = Ranked(MinimumSeverity, nameof(MinimumSeverity));

    /// <summary>Business days allowed, from 0.</summary>
    public int BusinessDays { get; init => field = Guard.NotNegative(value, nameof(BusinessDays)); } = Guard.NotNegative(BusinessDays);

    /// <summary>Whether an incident of <paramref name="severity"/> needs a postmortem; unknown and unranked severities do not.</summary>
    public bool Requires(string? severity) => Rank(severity) is { } rank && rank <= Rank(MinimumSeverity);

    /// <summary>
    /// How severe a severity is, 1 the most severe: the number ending names such as <c>SEV1</c>, <c>P2</c>, <c>S3</c>, or
    /// for words <c>critical</c> 1, <c>high</c> 2, <c>medium</c>/<c>moderate</c> 3, <c>low</c> 4, <c>info</c> 5; null otherwise.
    /// </summary>
    public static int? Rank(string? severity)
    {
        if (string.IsNullOrWhiteSpace(severity))
        {
            return null;
        }

        var match = TrailingNumber().Match(severity.Trim());
        if (match.Success)
        {
            return int.Parse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        return severity.Trim().ToUpperInvariant() switch
        {
            "CRITICAL" => 1,
            "HIGH" => 2,
            "MEDIUM" or "MODERATE" => 3,
            "LOW" => 4,
            "INFO" => 5,
            _ => null,
        };
    }

    private static string Ranked(string value, string name) =>
        Rank(value) is null ? throw new ArgumentException($"severity '{value}' has no rank: use a name ending in a number (SEV2, P1) or critical, high, medium, low", name) : value.Trim();

    [GeneratedRegex(@"^\D*(\d{1,3})$")]
    private static partial Regex TrailingNumber();
}
