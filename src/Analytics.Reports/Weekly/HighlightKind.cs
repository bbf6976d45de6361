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

    /// <summary>An epic closed (the team's tickets of an epic type resolved in the week).</summary>
    EpicClosed,
}
