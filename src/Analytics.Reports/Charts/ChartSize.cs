namespace Analytics.Reports.Charts;

/// <summary>
/// The size of a rendered chart in CSS pixels (SVG user units). Equality is by value; the default value (0 × 0) is not a
/// valid size and is refused by the renderer.
/// </summary>
public readonly record struct ChartSize
{
    /// <summary>The smallest width or height accepted, in pixels.</summary>
    public const int Minimum = 16;

    /// <summary>Creates a size.</summary>
    /// <param name="width">The width in pixels; at least <see cref="Minimum"/>.</param>
    /// <param name="height">The height in pixels; at least <see cref="Minimum"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A side is smaller than <see cref="Minimum"/>.</exception>
    public ChartSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, Minimum);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, Minimum);
        Width = width;
        Height = height;
    }

    /// <summary>The width in pixels.</summary>
    public int Width { get; }

    /// <summary>The height in pixels.</summary>
    public int Height { get; }

    /// <summary>A size that suits a chart in an e-mail report: 640 × 280.</summary>
    public static ChartSize Report => new(640, 280);

    /// <summary>A size that suits a sparkline in a table cell: 120 × 28.</summary>
    public static ChartSize SparklineCell => new(120, 28);
}
