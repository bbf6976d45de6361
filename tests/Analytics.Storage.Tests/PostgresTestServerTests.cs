using Analytics.Testing.Postgres;
using Npgsql;

namespace Analytics.Storage.Tests;

/// <summary>Smoke tests of the PostgreSQL that <c>scripts/test.sh</c> starts; they fail (not skip) without it.</summary>
public sealed class PostgresTestServerTests
{
    [Fact]
    public async Task CreateDatabaseAsync_NewDatabase_AnswersSelectOne()
    {
        await using var server = new PostgresTestServer();
        var connectionString = await server.CreateDatabaseAsync(CancellationToken.None);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        var result = await command.ExecuteScalarAsync();

        result.Should().Be(1);
        connection.Database.Should().Be(server.Databases.Single());
    }

    [Fact]
    public async Task CreateDatabaseAsync_Twice_GivesSeparateDatabases()
    {
        await using var server = new PostgresTestServer();
        var first = await server.CreateDatabaseAsync(CancellationToken.None);
        var second = await server.CreateDatabaseAsync(CancellationToken.None);

        await ExecuteAsync(first, "CREATE TABLE t (x int)");
        var act = () => ExecuteAsync(second, "SELECT * FROM t");

        new NpgsqlConnectionStringBuilder(first).Database.Should().NotBe(new NpgsqlConnectionStringBuilder(second).Database);
        await act.Should().ThrowAsync<PostgresException>().Where(e => e.SqlState == PostgresErrorCodes.UndefinedTable);
    }

    [Fact]
    public async Task DisposeAsync_WithOpenPooledConnection_DropsDatabase()
    {
        var server = new PostgresTestServer();
        var connectionString = await server.CreateDatabaseAsync(CancellationToken.None);
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync(connectionString, "SELECT 1"); // leaves an idle connection in the pool

        await server.DisposeAsync();

        await using var admin = new NpgsqlConnection(server.AdminConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
        command.Parameters.AddWithValue("name", name!);
        (await command.ExecuteScalarAsync()).Should().Be(0L);
        server.Databases.Should().BeEmpty();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
