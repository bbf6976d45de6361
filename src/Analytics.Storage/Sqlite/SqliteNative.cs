using System.Runtime.InteropServices;

namespace Analytics.Storage.Sqlite;

/// <summary>
/// The few SQLite column functions the columnar reader calls once per cell, bound directly to the library
/// Microsoft.Data.Sqlite loads (<c>e_sqlite3</c>). SQLitePCL's own bindings take the statement as a safe handle and
/// reference-count it on every call, which costs more than the call itself when a scan reads millions of cells.
/// The caller keeps the statement's safe handle alive for as long as it uses the raw pointer. The calls skip the
/// runtime's GC transition (<see cref="SuppressGCTransitionAttribute"/>): each returns a value SQLite already holds,
/// without blocking or calling back, and in multi-thread mode without a lock (bench/README.md, session 14).
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
