using System.Runtime.InteropServices;
using System.Text;
using Analytics.Reports.Charts.Raster;
using static Analytics.Reports.Charts.Raster.NativeMethods;

namespace Analytics.Reports.Charts;

/// <summary>
/// Turns SVG documents (such as those from <see cref="SvgChartRenderer"/>) into PNG or PDF in-process, through librsvg
/// (<c>librsvg-2.so.2</c>) and cairo (<c>libcairo.so.2</c>) by P/Invoke. Each call is independent, so calls may run on
/// several threads at once. Text is drawn with the machine's fonts (through fontconfig), so PNG bytes can differ
/// between machines.
/// </summary>
/// <example>
/// <code>
/// string svg = SvgChartRenderer.Render(chart, ChartSize.Report);
/// byte[] png = SvgRasterizer.ToPng(svg, scale: 2);   // 1280 × 560 for sharp e-mail images
/// byte[] pdf = SvgRasterizer.ToPdf(svg);             // one 480 × 210 pt page
/// </code>
/// </example>
public static class SvgRasterizer
{
    /// <summary>PDF points per CSS pixel: 72 points and 96 pixels per inch.</summary>
    public const double PointsPerPixel = 72.0 / 96.0;

    /// <summary>The largest PNG side accepted, in pixels, to bound memory (32,768² × 4 bytes is 4 GiB).</summary>
    public const int MaxPngSide = 16_384;

    /// <summary>Renders <paramref name="svg"/> as a PNG image of its intrinsic size times <paramref name="scale"/>.</summary>
    /// <param name="svg">A standalone SVG document with a width and height.</param>
    /// <param name="scale">The pixel ratio; 2 gives sharp images on high-density screens. Above 0, at most 16.</param>
    /// <returns>The PNG file's bytes (ARGB, transparent where the SVG paints nothing).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="svg"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is not in (0, 16], or the image would be too large.</exception>
    /// <exception cref="SvgRasterizationException">The SVG did not parse or has no size, a library is missing, or cairo failed.</exception>
    public static byte[] ToPng(string svg, double scale = 1)
    {
        ArgumentNullException.ThrowIfNull(svg);
        if (!(scale > 0 && scale <= 16))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "must be above 0 and at most 16");
        }

        return Native(() =>
        {
            var handle = Load(svg);
            try
            {
                var (width, height) = Size(handle);
                var pixelsWide = (int)Math.Ceiling(width * scale);
                var pixelsHigh = (int)Math.Ceiling(height * scale);
                if (pixelsWide > MaxPngSide || pixelsHigh > MaxPngSide)
                {
                    throw new ArgumentOutOfRangeException(
                        nameof(scale), scale, $"the image would be {pixelsWide} × {pixelsHigh} pixels; at most {MaxPngSide} a side");
                }

                var surface = cairo_image_surface_create(FormatArgb32, pixelsWide, pixelsHigh);
                try
                {
                    Check(cairo_surface_status(surface), "creating the image surface");
                    Draw(handle, surface, new RsvgRectangle(0, 0, width * scale, height * scale));
                    var sink = new Sink();
                    Check(cairo_surface_write_to_png_stream(surface, sink.Write, IntPtr.Zero), "writing the PNG");
                    GC.KeepAlive(sink);
                    return sink.ToArray();
                }
                finally
                {
                    cairo_surface_destroy(surface);
                }
            }
            finally
            {
                g_object_unref(handle);
            }
        });
    }

    /// <summary>Renders <paramref name="svg"/> as a one-page PDF whose page is the SVG's size (96 px = 72 pt); text stays vector.</summary>
    /// <param name="svg">A standalone SVG document with a width and height.</param>
    /// <returns>The PDF file's bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="svg"/> is null.</exception>
    /// <exception cref="SvgRasterizationException">The SVG did not parse or has no size, a library is missing, or cairo failed.</exception>
    public static byte[] ToPdf(string svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        return Native(() =>
        {
            var handle = Load(svg);
            try
            {
                var (width, height) = Size(handle);
                var sink = new Sink();
                var surface = cairo_pdf_surface_create_for_stream(sink.Write, IntPtr.Zero, width * PointsPerPixel, height * PointsPerPixel);
                try
                {
                    Check(cairo_surface_status(surface), "creating the PDF surface");
                    Draw(handle, surface, new RsvgRectangle(0, 0, width * PointsPerPixel, height * PointsPerPixel));
                    cairo_surface_finish(surface);
                    Check(cairo_surface_status(surface), "writing the PDF");
                }
                finally
                {
                    cairo_surface_destroy(surface);
                    GC.KeepAlive(sink);
                }

                return sink.ToArray();
            }
            finally
            {
                g_object_unref(handle);
            }
        });
    }

    /// <summary>
    /// Renders several SVG documents as one PDF, one page per document, each page the size of its SVG (96 px = 72 pt).
    /// Text stays text: it can be selected, searched and extracted (pdftotext).
    /// </summary>
    /// <param name="pages">The pages' standalone SVG documents, in order; at least one.</param>
    /// <returns>The PDF file's bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pages"/> or a page is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="pages"/> is empty.</exception>
    /// <exception cref="SvgRasterizationException">A page did not parse or has no size, a library is missing, or cairo failed.</exception>
    public static byte[] ToMultiPagePdf(IReadOnlyList<string> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        if (pages.Count == 0)
        {
            throw new ArgumentException("a PDF needs at least one page", nameof(pages));
        }

        foreach (var page in pages)
        {
            ArgumentNullException.ThrowIfNull(page, nameof(pages));
        }

        return Native(() =>
        {
            var sink = new Sink();
            // The surface's first size is a placeholder: each page sets its own size before anything is drawn on it.
            var surface = cairo_pdf_surface_create_for_stream(sink.Write, IntPtr.Zero, 1, 1);
            try
            {
                Check(cairo_surface_status(surface), "creating the PDF surface");
                for (var i = 0; i < pages.Count; i++)
                {
                    var handle = Load(pages[i]);
                    try
                    {
                        var (width, height) = Size(handle);
                        cairo_pdf_surface_set_size(surface, width * PointsPerPixel, height * PointsPerPixel);
                        Check(cairo_surface_status(surface), $"sizing page {i + 1}");
                        Draw(handle, surface, new RsvgRectangle(0, 0, width * PointsPerPixel, height * PointsPerPixel), showPage: true);
                    }
                    finally
                    {
                        g_object_unref(handle);
                    }
                }

                cairo_surface_finish(surface);
                Check(cairo_surface_status(surface), "writing the PDF");
            }
            finally
            {
                cairo_surface_destroy(surface);
                GC.KeepAlive(sink);
            }

            return sink.ToArray();
        });
    }

    /// <summary>Runs native code, turning a missing library or function into a clear exception.</summary>
    private static byte[] Native(Func<byte[]> action)
    {
        try
        {
            return action();
        }
        catch (DllNotFoundException e)
        {
            throw new SvgRasterizationException(
                $"a native library is missing ({e.Message}); install librsvg2-2 and libcairo2 (Debian) to rasterise SVG", e);
        }
        catch (EntryPointNotFoundException e)
        {
            throw new SvgRasterizationException($"the installed librsvg or cairo is too old (librsvg 2.52+ is needed): {e.Message}", e);
        }
    }

    private static IntPtr Load(string svg)
    {
        var bytes = Encoding.UTF8.GetBytes(svg);
        var handle = rsvg_handle_new_from_data(bytes, (nuint)bytes.Length, out var error);
        if (handle == IntPtr.Zero)
        {
            throw new SvgRasterizationException("librsvg could not read the SVG: " + TakeMessage(error));
        }

        return handle;
    }

    private static (double Width, double Height) Size(IntPtr handle)
    {
        if (rsvg_handle_get_intrinsic_size_in_pixels(handle, out var width, out var height) == 0 || !(width > 0 && height > 0))
        {
            throw new SvgRasterizationException(
                "the SVG has no size in pixels: give the root <svg> width and height attributes in px (or without units)");
        }

        return (width, height);
    }

    private static void Draw(IntPtr handle, IntPtr surface, RsvgRectangle viewport, bool showPage = false)
    {
        var cairo = cairo_create(surface);
        try
        {
            Check(cairo_status(cairo), "creating the drawing context");
            if (rsvg_handle_render_document(handle, cairo, viewport, out var error) == 0)
            {
                throw new SvgRasterizationException("librsvg could not render the SVG: " + TakeMessage(error));
            }

            Check(cairo_status(cairo), "drawing");
            if (showPage)
            {
                cairo_show_page(cairo);
                Check(cairo_status(cairo), "ending the page");
            }
        }
        finally
        {
            cairo_destroy(cairo);
        }
    }

    private static void Check(int status, string doing)
    {
        if (status != StatusSuccess)
        {
            var text = Marshal.PtrToStringUTF8(cairo_status_to_string(status)) ?? "unknown error";
            throw new SvgRasterizationException($"cairo failed while {doing}: {text} (status {status})");
        }
    }

    /// <summary>Reads a <c>GError</c>'s message (struct: quark domain, int code, char* message) and frees it.</summary>
    private static string TakeMessage(IntPtr error)
    {
        if (error == IntPtr.Zero)
        {
            return "no detail given";
        }

        try
        {
            var message = Marshal.ReadIntPtr(error, 8);
            return Marshal.PtrToStringUTF8(message) ?? "no detail given";
        }
        finally
        {
            g_error_free(error);
        }
    }

    /// <summary>Collects the bytes cairo writes; its <see cref="Write"/> delegate must stay alive while cairo may call it.</summary>
    private sealed class Sink
    {
        private readonly List<byte[]> _chunks = [];

        public Sink() => Write = OnWrite;

        public CairoWriteFunc Write { get; }

        public byte[] ToArray()
        {
            var all = new byte[_chunks.Sum(c => c.Length)];
            var offset = 0;
            foreach (var chunk in _chunks)
            {
                chunk.CopyTo(all, offset);
                offset += chunk.Length;
            }

            return all;
        }

        private int OnWrite(IntPtr closure, IntPtr data, uint length)
        {
            try
            {
                var chunk = new byte[length];
                Marshal.Copy(data, chunk, 0, (int)length);
                _chunks.Add(chunk);
                return StatusSuccess;
            }
            catch (OutOfMemoryException)
            {
                return StatusWriteError;
            }
        }
    }
}
