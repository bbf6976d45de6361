using Analytics.Signals.Series;

namespace Analytics.Host.Server.Web;

/// <summary>One signal's series for one team over the requested range.</summary>
/// <param name="Signal">The signal's name.</param>
/// <param name="Description">What it measures.</param>
/// <param name="Unit">What its values measure.</param>
/// <param name="Series">Its series, each with its labels and points.</param>
internal sealed record SignalView(string Signal, string Description, SignalUnit Unit, IReadOnlyList<SeriesView> Series);
