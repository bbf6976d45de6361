using System.Runtime.InteropServices;

namespace Analytics.Reports.Charts.Raster;

/// <summary>The few librsvg, cairo and GLib functions the rasteriser calls (Debian 12: librsvg 2.54, cairo 1.16).</summary>
internal static class NativeMethods
{
    /// <summary>librsvg's soname.</summary>
    public const string Rsvg = "librsvg-2.so.2";

    /// <summary>cairo's soname.</summary>
    public const string Cairo = "libcairo.so.2";

    /// <summary>GObject's soname.</summary>
    public const string GObject = "libgobject-2.0.so.0";

    /// <summary>GLib's soname.</summary>
    public const string GLib = "libglib-2.0.so.0";

    /// <summary><c>CAIRO_FORMAT_ARGB32</c>.</summary>
    public const int FormatArgb32 = 0;

    /// <summary><c>CAIRO_STATUS_SUCCESS</c>.</summary>
    public const int StatusSuccess = 0;

    /// <summary><c>CAIRO_STATUS_WRITE_ERROR</c>.</summary>
    public const int StatusWriteError = 11;

    [DllImport(Rsvg, CallingConvention = CallingConvention.Cdecl)]
    public static extern IntPtr rsvg_handle_new_from_data(byte[] data, nuint length, out IntPtr error);

    [DllImport(Rsvg, CallingConvention = CallingConvention.Cdecl)]
    public static extern int rsvg_handle_get_intrinsic_size_in_pixels(IntPtr handle, out double width, out double height);

    [DllImport(Rsvg, CallingConvention = CallingConvention.Cdecl)]
    public static extern int rsvg_handle_render_document(IntPtr handle, IntPtr cairo, in RsvgRectangle viewport, out IntPtr error);

    [DllImport(GObject, CallingConvention = CallingConvention.Cdecl)]
    public static extern void g_object_unref(IntPtr instance);

    [DllImport(GLib, CallingConvention = CallingConvention.Cdecl)]
    public static extern void g_error_free(IntPtr error);

    [DllImport(Cairo, CallingConvention = CallingConvention.Cdecl)]
    public static extern IntPtr cairo_image_surface_create(int format, int width, int height);

    [DllImport(Cairo, CallingConvention = CallingConvention.Cdecl)]
    public static extern IntPtr cairo_pdf_surface_create_for_stream(CairoWriteFunc write, IntPtr closure, double widthInPoints, double heightInPoints);

    [DllImport(Cairo, CallingConvention = CallingConvention.Cdecl)]
    public static extern void cairo_pdf_surface_set_size(IntPtr surface, double widthInPoints, double heightInPoints);

    [DllImport(Cairo, CallingConvention = CallingConvention.Cdecl)]
    public static extern void cairo_show_page(IntPtr cairo);

    [DllImport(Cairo, CallingConvention = CallingConvention.Cdecl)]
    public static extern int cairo_surface_status(IntPtr surface);

    [DllImport(Cairo, CallingConvention = CallingConvention.Cdecl)]
    public static extern int cairo_surface_write_to_png_stream(IntPtr surface, CairoWriteFunc write, IntPtr closure);

    [DllImport(Cairo, CallingConvention = CallingConvention.Cdecl)]
    public static extern void cairo_surface_finish(IntPtr surface);

    [DllImport(Cairo, CallingConvention = CallingConvention.Cdecl)]
    public static extern void cairo_surface_destroy(IntPtr surface);

    [DllImport(Cairo, CallingConvention = CallingConvention.Cdecl)]
    public static extern IntPtr cairo_create(IntPtr surface);

    [DllImport(Cairo, CallingConvention = CallingConvention.Cdecl)]
    public static extern int cairo_status(IntPtr cairo);

    [DllImport(Cairo, CallingConvention = CallingConvention.Cdecl)]
    public static extern void cairo_destroy(IntPtr cairo);

    [DllImport(Cairo, CallingConvention = CallingConvention.Cdecl)]
    public static extern IntPtr cairo_status_to_string(int status);
}
