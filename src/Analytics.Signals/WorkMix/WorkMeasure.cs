namespace Analytics.Signals.WorkMix;

/// <summary>How work-mix signals measure effort; the <c>measure</c> label.</summary>
internal static class WorkMeasure
{
    /// <summary>Tickets resolved.</summary>
    public const string Tickets = "tickets";

    /// <summary>Story points of the tickets resolved.</summary>
    public const string Points = "points";

    /// <summary>Pull requests merged, typed by the ticket they mention.</summary>
    public const string PullRequests = "pull_requests";

    /// <summary>The three, in label order.</summary>
    public static IReadOnlyList<string> All { get; } = [Tickets, Points, PullRequests];
}
