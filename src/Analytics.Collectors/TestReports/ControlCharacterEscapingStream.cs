using System.Buffers;

namespace Analytics.Collectors.TestReports;

/// <summary>
/// Passes a report through, writing each raw control character that XML 1.0 forbids (U+0000–U+0008, U+000B, U+000C,
/// U+000E–U+001F) as a character reference (<c>&amp;#x1B;</c>), which the reader accepts with character checking off.
/// Test output copied verbatim into a report (ANSI colours, bells) otherwise makes the whole file unreadable. Only
/// 8-bit encodings are touched (in UTF-8 these bytes never occur inside a multi-byte character); a file that starts
/// like UTF-16 or UTF-32 passes unchanged. Read-only, forward-only.
/// </summary>
internal sealed class ControlCharacterEscapingStream(Stream inner) : Stream
{
    private static readonly SearchValues<byte> Forbidden = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    private readonly byte[] _input = new byte[1 << 16];
    private byte[] _pending = new byte[6 * (1 << 16)];
    private int _pendingOffset;
    private int _pendingCount;
    private bool? _passThrough;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (_pendingCount == 0)
        {
            var read = inner.Read(_input, 0, Math.Min(_input.Length, Math.Max(buffer.Length, 4)));
            Fill(read);
        }

        return Drain(buffer);
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_pendingCount == 0)
        {
            var read = await inner.ReadAsync(_input.AsMemory(0, Math.Min(_input.Length, Math.Max(buffer.Length, 4))), cancellationToken);
            Fill(read);
        }

        return Drain(buffer.Span);
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Fill(int read)
    {
        var input = _input.AsSpan(0, read);
        // UTF-16 and UTF-32 put zero bytes (or a byte order mark) in the first characters; leave them alone.
        _passThrough ??= read >= 2 && (input[0] == 0 || input[1] == 0 || (input[0] == 0xFE && input[1] == 0xFF) || (input[0] == 0xFF && input[1] == 0xFE));
        var output = _pending.AsSpan();
        var written = 0;
        while (!input.IsEmpty)
        {
            var next = _passThrough.Value ? -1 : input.IndexOfAny(Forbidden);
            var plain = next < 0 ? input : input[..next];
            plain.CopyTo(output[written..]);
            written += plain.Length;
            if (next < 0)
            {
                break;
            }

            "&#x"u8.CopyTo(output[written..]);
            output[written + 3] = (byte)"0123456789ABCDEF"[input[next] >> 4];
            output[written + 4] = (byte)"0123456789ABCDEF"[input[next] & 0xF];
            output[written + 5] = (byte)';';
            written += 6;
            input = input[(next + 1)..];
        }

        (_pendingOffset, _pendingCount) = (0, written);
    }

    private int Drain(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _pendingCount);
        _pending.AsSpan(_pendingOffset, count).CopyTo(buffer);
        _pendingOffset += count;
        _pendingCount -= count;
        return count;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _pending = [];
        base.Dispose(disposing);
    }
}
