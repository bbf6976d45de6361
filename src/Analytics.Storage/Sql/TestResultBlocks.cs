using System.Data.Common;
using System.Globalization;
using Analytics.Storage.Schema;

namespace Analytics.Storage.Sql;

/// <summary>
/// Test result blocks (migration 0016): each test's results of one UTC month, packed into one value, so that reading a
/// test's year steps through twelve rows rather than thousands (<see cref="IStore.ReadTestHistoriesAsync"/>). Blocks are
/// derived data: a transaction that writes test results rebuilds the blocks it touched, from the rows, just before it
/// commits (<see cref="RebuildStaleAsync"/>). The database builds them, with the same SQL here and in the migration that
/// built the blocks of results stored before.
/// <para>
/// A block's payload is UTF-8, one record per result, by time then key (the order the analysis wants, which a reader
/// still checks: text order is the database's collation):
/// <c>record = started_at text(source) text(run_id) number(attempt) text(job) number(execution) text(commit_sha)
/// (text(branch) / "-") text(outcome) number(duration_seconds)</c>, where <c>started_at</c> is the 27 bytes of
/// <see cref="StoreInstants.SqliteFormat"/>, <c>text(x)</c> is x's length in bytes, <c>:</c> and its bytes, and
/// <c>number(x)</c> is x's decimal text and <c>;</c>. Lengths, not separators, delimit texts, so no value needs escaping.
/// </para>
/// </summary>
internal static class TestResultBlocks
{
    /// <summary>The table.</summary>
    public const string Table = "test_result_blocks";

    /// <summary>
    /// Where the triggers on <c>test_results</c> note the blocks the transaction changed: an ordinary table in SQLite,
    /// a temporary one of the writer's session in PostgreSQL (<see cref="SqlDialect.TestResultBlockDdl"/>).
    /// </summary>
    public const string StaleTable = "test_result_blocks_stale";

    /// <summary>The <c>SELECT</c> of (repository, test_id, month, result_count, payload) of every block: the migration's.</summary>
    public static string Select(SqlDialect dialect) =>
        $"SELECT repository, test_id, {dialect.UtcMonthOf("started_at")}, count(*), {Payload(dialect, rowsComeInOrder: false)} "
        + $"FROM test_results GROUP BY repository, test_id, {dialect.UtcMonthOf("started_at")}";

    /// <summary>The aggregate that packs the results a query reads into a block's payload.</summary>
    private static string Payload(SqlDialect dialect, bool rowsComeInOrder)
    {
        var record = string.Join(" || ",
            dialect.InstantAsStoreText("started_at"),
            Text(dialect, "source"),
            Text(dialect, "run_id"),
            Number("attempt"),
            Text(dialect, "job"),
            Number("execution"),
            Text(dialect, "commit_sha"),
            $"CASE WHEN branch IS NULL THEN '-' ELSE {Text(dialect, "branch")} END",
            Text(dialect, "outcome"),
            $"{dialect.ExactRealText("duration_seconds")} || ';'");
        return dialect.JoinedUtf8Bytes(record, "started_at, source, run_id, attempt, job, execution", rowsComeInOrder);

        static string Text(SqlDialect dialect, string column) => $"CAST({dialect.Utf8LengthOf(column)} AS TEXT) || ':' || {column}";

        static string Number(string column) => $"CAST({column} AS TEXT) || ';'";
    }

    /// <summary>The UTC month of an instant, as blocks name it (<c>yyyy-MM</c>).</summary>
    public static string MonthOf(DateTimeOffset instant) => instant.UtcDateTime.ToString(MonthFormat, CultureInfo.InvariantCulture);

    /// <summary>The first instant of a block's month.</summary>
    private static DateTimeOffset StartOf(string month) =>
        new(DateTime.ParseExact(month, MonthFormat, CultureInfo.InvariantCulture), TimeSpan.Zero);

    private const string MonthFormat = "yyyy-MM";

    /// <summary>
    /// Rebuilds the blocks whose results changed in this transaction: the database's triggers on <c>test_results</c>
    /// (<see cref="SqlDialect.TestResultBlockDdl"/>) note each block an inserted, updated or deleted result was in
    /// or went to in <c>test_result_blocks_stale</c>, so a result that moves to another month rebuilds both, and an
    /// upsert that changes nothing rebuilds nothing. Called once before a writer commits: each block is built once per
    /// transaction, however many batches wrote to it.
    /// </summary>
    public static async Task RebuildStaleAsync(SqlDialect dialect, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // Writers rebuild one after another, each after the one before has committed: a block is built from every result
        // committed before it, so the last writer's block holds them all (PostgreSQL; SQLite has one writer anyway).
        await dialect.LockAsync(connection, transaction, Table, cancellationToken);
        var stale = new List<BlockKey>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT repository, test_id, month FROM {StaleTable}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stale.Add(new BlockKey(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        if (stale.Count == 0)
        {
            return;
        }

        await RebuildAsync(dialect, connection, transaction, stale, cancellationToken);
        await using var clear = connection.CreateCommand();
        clear.Transaction = transaction;
        clear.CommandText = $"DELETE FROM {StaleTable}";
        await clear.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Builds <paramref name="blocks"/> again from the stored test results (a block left without results goes).</summary>
    private static async Task RebuildAsync(
        SqlDialect dialect,
        DbConnection connection,
        DbTransaction transaction,
        IEnumerable<BlockKey> blocks,
        CancellationToken cancellationToken)
    {
        await using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = $"DELETE FROM {Table} WHERE repository = @r AND test_id = @t AND month = @m";
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        // One block: no GROUP BY, so the results come straight from the index ix_test_results_scan, in its order (the
        // payload's), and the aggregate gives one row, which HAVING drops when no result is left.
        insert.CommandText = $"INSERT INTO {Table} (repository, test_id, month, result_count, payload) "
            + $"SELECT @r, @t, @m, count(*), {Payload(dialect, rowsComeInOrder: true)} FROM test_results "
            + "WHERE repository = @r AND test_id = @t AND started_at >= @from AND started_at < @to HAVING count(*) > 0";
        foreach (var block in blocks)
        {
            var start = StartOf(block.Month);
            delete.Parameters.Clear();
            SqlStore.AddParameter(delete, "@r", block.Repository);
            SqlStore.AddParameter(delete, "@t", block.TestId);
            SqlStore.AddParameter(delete, "@m", block.Month);
            await delete.ExecuteNonQueryAsync(cancellationToken);

            insert.Parameters.Clear();
            SqlStore.AddParameter(insert, "@r", block.Repository);
            SqlStore.AddParameter(insert, "@t", block.TestId);
            SqlStore.AddParameter(insert, "@m", block.Month);
            SqlStore.AddParameter(insert, "@from", dialect.InstantToDb(start));
            SqlStore.AddParameter(insert, "@to", dialect.InstantToDb(start.AddMonths(1)));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>One block: a repository's test's results of one UTC month (<c>yyyy-MM</c>).</summary>
    internal readonly record struct BlockKey(string Repository, string TestId, string Month);
}
