namespace Analytics.Storage.Sql;

/// <summary>
/// A row of two texts and a bytes value (a test result block's test, month and payload), refilled row after row by
/// <see cref="SqlDialect.ReadBytesRowsAsync"/>: its bytes are valid until the next row is asked for.
/// </summary>
internal sealed class BytesRow
{
    /// <summary>The first text.</summary>
    public string First { get; set; } = string.Empty;

    /// <summary>The second text.</summary>
    public string Second { get; set; } = string.Empty;

    /// <summary>The buffer whose first <see cref="Length"/> bytes are the value (longer, reused).</summary>
    public byte[] Buffer { get; private set; } = new byte[64 * 1024];

    /// <summary>The value's length in bytes.</summary>
    public int Length { get; private set; }

    /// <summary>Makes room for a value of <paramref name="length"/> bytes, and sets <see cref="Length"/>.</summary>
    public void Resize(int length)
    {
        if (Buffer.Length < length)
        {
            Buffer = new byte[Math.Max(length, Buffer.Length * 2)];
        }

        Length = length;
    }
}
