using System.Runtime.InteropServices;

namespace Analytics.Reports.Charts.Raster;

/// <summary>cairo's <c>cairo_write_func_t</c>: receives <paramref name="length"/> bytes at <paramref name="data"/>; returns a <c>cairo_status_t</c>.</summary>
[UnmanagedFunctionPointer(CallingConvention.Cdecl)]
internal delegate int CairoWriteFunc(IntPtr closure, IntPtr data, uint length);
