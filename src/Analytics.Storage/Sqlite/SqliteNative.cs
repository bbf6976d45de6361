using System.Runtime.InteropServices;

namespace Analytics.Storage.Sqlite;

/// <summary>
/// The few SQLite column functions the columnar reader calls once per cell, bound directly to the library
/// Microsoft.Data.Sqlite loads (<c>e_sqlite3</c>). SQLitePCL's own bindings take the statement as a safe handle and
/// reference-count it on every call, which costs more than the call itself when a scan reads millions of cells.
/// The caller keeps the statement's safe handle alive for as long as it uses the raw pointer.
/// </summary>
internal static class SqliteNative
{
    private const string Library = "e_sqlite3";

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern IntPtr sqlite3_column_blob(IntPtr statement, int column);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern int sqlite3_column_bytes(IntPtr statement, int column);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern int sqlite3_column_type(IntPtr statement, int column);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern long sqlite3_column_int64(IntPtr statement, int column);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern double sqlite3_column_double(IntPtr statement, int column);
}
