namespace Analytics.Reports.Weekly;

/// <summary>The kinds of <see cref="Highlight"/>: what shipped and what was resolved.</summary>
public enum HighlightKind
{
    /// <summary>A production deployment that succeeded.</summary>
    Deployment,

    /// <summary>An incident resolved in the week.</summary>
    IncidentResolved,

    /// <summary>A ticket resolved in the week.</summary>
    TicketResolved,
}
