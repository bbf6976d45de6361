namespace Analytics.Reports.Charts.Svg;

/// <summary>The rectangle inside the axes where data is drawn, in pixels; y grows downwards.</summary>
/// <param name="Left">The x of the left edge.</param>
/// <param name="Top">The y of the top edge.</param>
/// <param name="Right">The x of the right edge.</param>
/// <param name="Bottom">The y of the bottom edge.</param>
internal readonly record struct PlotArea(double Left, double Top, double Right, double Bottom)
{
    /// <summary>The width.</summary>
    public double Width => Right - Left;

    /// <summary>The height.</summary>
    public double Height => Bottom - Top;

    /// <summary>The y of <paramref name="value"/> on a value axis running from <paramref name="min"/> (bottom) to <paramref name="max"/> (top).</summary>
    public double Y(double value, double min, double max) => Bottom - ((value - min) / (max - min) * Height);
}
