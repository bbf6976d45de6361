namespace Analytics.Reports.Charts;

/// <summary>
/// librsvg or cairo could not turn an SVG document into PNG or PDF: the SVG did not parse, has no size, a native
/// library is missing, or cairo reported an error. The message says which.
/// </summary>
public sealed class SvgRasterizationException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public SvgRasterizationException()
        : base("SVG rasterisation failed")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What failed.</param>
    public SvgRasterizationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public SvgRasterizationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
