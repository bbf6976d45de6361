namespace Analytics.Reports.Charts;

/// <summary>What a vertical marker on a time-series chart stands for; it sets the marker's colour and dash.</summary>
public enum MarkerKind
{
    /// <summary>A detected change point (drawn black, long dashes).</summary>
    ChangePoint = 0,

    /// <summary>A deployment or release (drawn grey, short dashes).</summary>
    Deployment = 1,

    /// <summary>Any other event, such as an incident or a team change (drawn reddish purple, dotted).</summary>
    Event = 2,
}
