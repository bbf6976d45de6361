namespace Analytics.Host.Server.Web;

/// <summary>One window's value.</summary>
/// <param name="Window">The window as text (<c>2026-W10</c>, <c>2026-03</c>…).</param>
/// <param name="Start">Its first instant.</param>
/// <param name="End">Its end (excluded).</param>
/// <param name="Value">The value; null when the window had no data.</param>
/// <param name="Observations">How many observations it summarises.</param>
/// <param name="Low">The confidence interval's low end, when there is one.</param>
/// <param name="High">The confidence interval's high end, when there is one.</param>
internal sealed record PointView(string Window, DateTimeOffset Start, DateTimeOffset End, double? Value, int Observations, double? Low, double? High);
