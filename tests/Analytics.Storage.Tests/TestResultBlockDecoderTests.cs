using System.Text;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;
using Analytics.Storage.Sql;
using Analytics.Storage.Sqlite;

namespace Analytics.Storage.Tests;

/// <summary>
/// The block payload's decoding on its own (the grammar is in <c>TestResultBlocks</c>): the store contract tests cover
/// blocks the databases build; these, payloads no database should build.
/// </summary>
public sealed class TestResultBlockDecoderTests
{
    private const string Record = "2026-03-04T10:00:00.000000Z14:github-actions3:1011;4:test0;6:c0ffee4:main6:passed";

    [Theory]
    [InlineData("1.25;", 1.25)] // Clinger's fast path
    [InlineData("0.001;", 0.001)]
    [InlineData("1234567890.1234567;", 1234567890.1234567)] // 17 digits: double.Parse
    [InlineData("1e-07;", 1e-07)] // an exponent: double.Parse
    public void Fill_Duration_ReadsTheDoubleTheTextWrites(string duration, double seconds)
    {
        var (decoder, batch) = New();

        decoder.Fill(Encoding.UTF8.GetBytes(Record + duration), 0, 0, long.MinValue, long.MaxValue, batch);

        batch.Ticks(TestHistoryColumn.Duration).ToArray().Should().Equal(Seconds.ToTimeSpan(seconds).Ticks);
    }

    [Theory]
    [InlineData(".;")]
    [InlineData(";")]
    [InlineData("1.2.3;")]
    public void Fill_DurationThatIsNoNumber_FailsSayingWhere(string duration)
    {
        var (decoder, batch) = New();

        var fill = () => decoder.Fill(Encoding.UTF8.GetBytes(Record + duration), 0, 0, long.MinValue, long.MaxValue, batch);

        fill.Should().Throw<InvalidDataException>().WithMessage($"at byte {Record.Length}: *");
    }

    private static (TestResultBlockDecoder Decoder, ColumnBatch Batch) New()
    {
        var columns = IStore.TestHistoryColumns.Select(name => Entities.TestResults.Columns.Single(c => c.Name == name)).ToList();
        var filler = new ColumnFiller(new SqliteDialect(Path.Combine(Path.GetTempPath(), "unused.db")), columns);
        return (new TestResultBlockDecoder(filler), filler.NewBatch());
    }
}
