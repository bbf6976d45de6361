namespace Analytics.Host.Server.Web;

/// <summary>One labelled series.</summary>
/// <param name="Labels">Its labels.</param>
/// <param name="Points">One point per window, oldest first.</param>
internal sealed record SeriesView(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<PointView> Points);
