using System.Runtime.InteropServices;

namespace Analytics.Storage.Sqlite;

/// <summary>
/// The few SQLite column functions the columnar reader calls once per cell, bound directly to the library
/// Microsoft.Data.Sqlite loads (<c>e_sqlite3</c>). SQLitePCL's own bindings take the statement as a safe handle and
/// reference-count it on every call, which costs more than the call itself when a scan reads millions of cells.
/// The caller keeps the statement's safe handle alive for as long as it uses the raw pointer.
/// Each is also marked <see cref="SuppressGCTransitionAttribute"/>: they return a value the statement already holds (at
/// most converting it in SQLite's own memory), never block, never call back into .NET, so the switch to preemptive GC
/// mode and back around each call is not needed (a 12-column scan makes two or three calls per cell). The mutex SQLite
/// takes inside them is the connection's, which only the reading thread uses. <c>sqlite3_step</c>, which does the I/O, keeps its transition.
/// </summary>
internal static class SqliteNative
{
    private const string Library = "e_sqlite3";

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    [SuppressGCTransition]
    public static extern IntPtr sqlite3_column_blob(IntPtr statement, int column);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    [SuppressGCTransition]
    public static extern int sqlite3_column_bytes(IntPtr statement, int column);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    [SuppressGCTransition]
    public static extern int sqlite3_column_type(IntPtr statement, int column);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    [SuppressGCTransition]
    public static extern long sqlite3_column_int64(IntPtr statement, int column);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    [SuppressGCTransition]
    public static extern double sqlite3_column_double(IntPtr statement, int column);
}
