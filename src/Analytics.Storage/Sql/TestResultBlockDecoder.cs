using System.Buffers.Text;
using System.Globalization;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Storage.Sql;

/// <summary>
/// Reads the payloads of test result blocks (<see cref="TestResultBlocks"/>, where their grammar is) into batches of
/// <see cref="IStore.TestHistoryColumns"/>. A text equal to the same field's text in the record before (byte for byte)
/// takes its code without decoding or lookup: within a test's month, the source, job, branch and outcome mostly repeat.
/// </summary>
internal sealed class TestResultBlockDecoder
{
    private const int InstantLength = 27; // StoreInstants.SqliteFormat

    private readonly ColumnFiller _filler;
    private readonly (int Start, int Length, int Code)[] _previous = new (int, int, int)[TestHistoryColumn.StartedAt];

    /// <summary>A decoder whose codes come from <paramref name="filler"/> (its columns are <see cref="IStore.TestHistoryColumns"/>).</summary>
    public TestResultBlockDecoder(ColumnFiller filler)
    {
        if (!filler.Columns.Select(c => c.Name).SequenceEqual(IStore.TestHistoryColumns))
        {
            throw new ArgumentException("the filler must read IStore.TestHistoryColumns", nameof(filler));
        }

        _filler = filler;
    }

    /// <summary>
    /// Appends the results of <paramref name="payload"/>, from byte <paramref name="offset"/> on, that started in
    /// [<paramref name="fromTicks"/>, <paramref name="toTicks"/>) to <paramref name="batch"/>, as results of the test
    /// coded <paramref name="testCode"/>, until the batch is full or the payload ends.
    /// </summary>
    /// <returns>The offset of the first record not read: the payload's length when it was read to its end.</returns>
    /// <exception cref="InvalidDataException">The payload does not follow the grammar (the message says at which byte).</exception>
    public int Fill(ReadOnlySpan<byte> payload, int offset, int testCode, long fromTicks, long toTicks, ColumnBatch batch)
    {
        if (offset == 0)
        {
            Array.Fill(_previous, (-1, 0, 0)); // positions are into this payload
        }

        var position = offset;
        while (position < payload.Length && batch.Count < ColumnBatch.Capacity)
        {
            if (payload.Length - position < InstantLength)
            {
                throw Malformed(position, "a record's start time is cut short");
            }

            long startedAt;
            try
            {
                startedAt = StoreInstants.TicksFromSqliteText(payload.Slice(position, InstantLength));
            }
            catch (FormatException)
            {
                throw Malformed(position, "a record does not start with its start time");
            }

            position += InstantLength;
            if (startedAt < fromTicks || startedAt >= toTicks)
            {
                SkipRecordAfterInstant(payload, ref position);
                continue;
            }

            var row = batch.Count;
            batch.CodesToFill(TestHistoryColumn.TestId)[row] = testCode;
            batch.CodesToFill(TestHistoryColumn.Source)[row] = Text(payload, ref position, TestHistoryColumn.Source);
            batch.CodesToFill(TestHistoryColumn.RunId)[row] = Text(payload, ref position, TestHistoryColumn.RunId);
            batch.CodesToFill(TestHistoryColumn.Attempt)[row] = Integer(payload, ref position);
            batch.CodesToFill(TestHistoryColumn.Job)[row] = Text(payload, ref position, TestHistoryColumn.Job);
            batch.CodesToFill(TestHistoryColumn.Execution)[row] = Integer(payload, ref position);
            batch.CodesToFill(TestHistoryColumn.CommitSha)[row] = Text(payload, ref position, TestHistoryColumn.CommitSha);
            var noBranch = SkipNull(payload, ref position);
            batch.NullsToFill(TestHistoryColumn.Branch)![row] = noBranch;
            batch.CodesToFill(TestHistoryColumn.Branch)[row] = noBranch ? StringTable.Null : Text(payload, ref position, TestHistoryColumn.Branch);
            batch.CodesToFill(TestHistoryColumn.Outcome)[row] = Text(payload, ref position, TestHistoryColumn.Outcome);
            batch.TicksToFill(TestHistoryColumn.Duration)[row] = Seconds.ToTimeSpan(Real(payload, ref position)).Ticks;
            batch.TicksToFill(TestHistoryColumn.StartedAt)[row] = startedAt;
            batch.Count = row + 1;
        }

        return position;
    }

    /// <summary>Steps over the fields after a record's start time.</summary>
    private static void SkipRecordAfterInstant(ReadOnlySpan<byte> payload, ref int position)
    {
        TextBytes(payload, ref position); // source
        TextBytes(payload, ref position); // run id
        NumberBytes(payload, ref position); // attempt
        TextBytes(payload, ref position); // job
        NumberBytes(payload, ref position); // execution
        TextBytes(payload, ref position); // commit
        if (!SkipNull(payload, ref position))
        {
            TextBytes(payload, ref position); // branch
        }

        TextBytes(payload, ref position); // outcome
        NumberBytes(payload, ref position); // duration
    }

    /// <summary>Steps over a null text field (<c>-</c>, where a text would start with its length): whether there was one.</summary>
    private static bool SkipNull(ReadOnlySpan<byte> payload, ref int position)
    {
        if (position < payload.Length && payload[position] == (byte)'-')
        {
            position++;
            return true;
        }

        return false;
    }

    /// <summary>A text field's code (for the outcome, its enum value), reusing the code of the record before when the bytes are the same.</summary>
    private int Text(ReadOnlySpan<byte> payload, ref int position, int column)
    {
        var start = position;
        var bytes = TextBytes(payload, ref position);
        var textStart = position - bytes.Length;
        var (previousStart, previousLength, previousCode) = _previous[column];
        if (previousStart >= 0 && previousLength == bytes.Length && payload.Slice(previousStart, previousLength).SequenceEqual(bytes))
        {
            return previousCode;
        }

        int code;
        try
        {
            code = column == TestHistoryColumn.Outcome ? _filler.EnumValue(column, bytes) : _filler.TextCode(bytes);
        }
        catch (InvalidDataException e)
        {
            throw Malformed(start, e.Message);
        }

        _previous[column] = (textStart, bytes.Length, code);
        return code;
    }

    /// <summary>A text field's bytes: its length in bytes, <c>:</c>, then the bytes.</summary>
    private static ReadOnlySpan<byte> TextBytes(ReadOnlySpan<byte> payload, ref int position)
    {
        var start = position;
        var length = 0;
        while (position < payload.Length && payload[position] is >= (byte)'0' and <= (byte)'9')
        {
            length = checked((length * 10) + (payload[position] - '0'));
            position++;
        }

        if (position == start || position >= payload.Length || payload[position] != (byte)':')
        {
            throw Malformed(start, "a text field does not start with its length and ':'");
        }

        position++;
        if (payload.Length - position < length)
        {
            throw Malformed(start, $"a text field of {length} bytes runs past the payload's end");
        }

        var bytes = payload.Slice(position, length);
        position += length;
        return bytes;
    }

    /// <summary>A number field's digits (before its <c>;</c>).</summary>
    private static ReadOnlySpan<byte> NumberBytes(ReadOnlySpan<byte> payload, ref int position)
    {
        var end = payload[position..].IndexOf((byte)';');
        if (end <= 0)
        {
            throw Malformed(position, "a number field does not end with ';'");
        }

        var digits = payload.Slice(position, end);
        position += end + 1;
        return digits;
    }

    private static int Integer(ReadOnlySpan<byte> payload, ref int position)
    {
        var start = position;
        var digits = NumberBytes(payload, ref position);
        return Utf8Parser.TryParse(digits, out int value, out var used) && used == digits.Length
            ? value
            : throw Malformed(start, "an integer field is not an integer");
    }

    private static double Real(ReadOnlySpan<byte> payload, ref int position)
    {
        var start = position;
        var digits = NumberBytes(payload, ref position);
        return TryParseShortDecimal(digits, out var value) || double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            ? value
            : throw Malformed(start, "a real field is not a number");
    }

    private static readonly double[] PowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>
    /// Parses digits with at most one point (no sign, no exponent) and at most 15 significant digits, as most durations
    /// are written: the digits and the power of ten are then exact doubles, and one division rounds correctly (Clinger's
    /// fast path), so the value is double.Parse's, at a fraction of its cost (it was a tenth of the decoding). Anything
    /// else is left to double.Parse.
    /// </summary>
    private static bool TryParseShortDecimal(ReadOnlySpan<byte> digits, out double value)
    {
        value = 0;
        var (mantissa, significant, decimals, digitCount, seenPoint) = (0L, 0, 0, 0, false);
        foreach (var b in digits)
        {
            if (b == (byte)'.' && !seenPoint)
            {
                seenPoint = true;
                continue;
            }

            var digit = b - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            if ((mantissa != 0 || digit != 0) && ++significant > 15)
            {
                return false;
            }

            mantissa = (mantissa * 10) + digit;
            decimals += seenPoint ? 1 : 0;
            digitCount++;
        }

        if (digitCount == 0 || decimals >= PowersOfTen.Length) // "." alone is no number: double.Parse says so
        {
            return false;
        }

        value = mantissa / PowersOfTen[decimals];
        return true;
    }

    private static InvalidDataException Malformed(int position, string what) => new($"at byte {position}: {what}");
}
