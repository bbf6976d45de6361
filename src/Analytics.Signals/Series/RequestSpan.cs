namespace Analytics.Signals.Series;

/// <summary>
/// The instants a request's windows cover, over all its teams: from the start of the earliest window (the one containing
/// <see cref="SignalRequest.From"/>, which may begin long before it at monthly or quarterly granularity) to the end of the
/// latest. Signals that read records by time read this span, so every window is complete.
/// </summary>
/// <param name="Start">The earliest window start.</param>
/// <param name="End">The latest window end (excluded).</param>
internal readonly record struct RequestSpan(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The span of <paramref name="request"/>'s windows; the request's own bounds when it has no team.</summary>
    public static RequestSpan Of(SignalRequest request)
    {
        var windows = request.Teams
            .Select(t => TimeWindow.Covering(request.From, request.To, request.Granularity, t.TimeZone).ToList())
            .Where(w => w.Count > 0)
            .ToList();
        return windows.Count == 0
            ? new RequestSpan(request.From, request.To)
            : new RequestSpan(windows.Min(w => w[0].Start), windows.Max(w => w[^1].End));
    }
}
