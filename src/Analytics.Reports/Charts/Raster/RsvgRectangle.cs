using System.Runtime.InteropServices;

namespace Analytics.Reports.Charts.Raster;

/// <summary>librsvg's <c>RsvgRectangle</c>: a rectangle in cairo user units.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct RsvgRectangle(double X, double Y, double Width, double Height);
