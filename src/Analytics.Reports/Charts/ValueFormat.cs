namespace Analytics.Reports.Charts;

/// <summary>How a chart writes its values (the y axis, bar tooltips, threshold values). The default is <see cref="Number"/>.</summary>
public enum ValueFormat
{
    /// <summary>A plain number: <c>42</c>, <c>3.5</c>, <c>12k</c>, <c>1.5M</c>.</summary>
    Number = 0,

    /// <summary>A fraction written as a percentage: 0.25 is written <c>25%</c>.</summary>
    Percentage = 1,

    /// <summary>A duration given in seconds, written in a human unit: <c>45s</c>, <c>12 min</c>, <c>3.5 h</c>, <c>2 d</c>.</summary>
    Duration = 2,
}
