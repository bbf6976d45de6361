using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Analytics.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Analytics.Storage.Tests;

/// <summary>The embedded store's connections run in SQLite's multi-thread mode: no mutex per connection.</summary>
public sealed class SqliteThreadingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("analytics-threading-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>
    /// SQLite's threading mode can only be chosen before the library initializes, so this assembly lets the store's
    /// dialect go first, as a process whose first SQLite user is the store does; another test opening a connection of
    /// its own earlier would otherwise decide the mode for the whole run.
    /// </summary>
#pragma warning disable CA2255 // A test assembly's initializer: it orders the process's first use of SQLite, as the product's first store open does.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void StoreFirst() => RuntimeHelpers.RunClassConstructor(typeof(SqliteDialect).TypeHandle);

    [Fact]
    public async Task A_store_connection_has_no_mutex()
    {
        // sqlite3_db_mutex is null exactly when the connection runs without one (https://sqlite.org/c3ref/db_mutex.html).
        await using var connection = (SqliteConnection)await new SqliteDialect(Path.Combine(_directory, "store.db")).OpenAsync(default);

        DbMutex(connection.Handle!.DangerousGetHandle()).Should().Be(IntPtr.Zero, "serialized mode locks the connection on every cell a read fetches");
    }

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_db_mutex", CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr DbMutex(IntPtr connection);
}
