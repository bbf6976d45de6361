namespace Analytics.Collectors.Tests.Git;

/// <summary>
/// A non-seekable stream that serves its bytes in the given chunks, one chunk per read, and fails the test if it is read
/// past the last chunk: proves a reader returns results before the end of its input (it streams).
/// </summary>
internal sealed class OneShotStream : Stream
{
    private readonly Queue<byte[]> _chunks;

    public OneShotStream(params byte[][] chunks) => _chunks = new Queue<byte[]>(chunks);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (!_chunks.TryDequeue(out var chunk))
        {
            throw new InvalidOperationException("read past the data the test allowed: the reader does not stream");
        }

        if (chunk.Length > count)
        {
            throw new InvalidOperationException("chunk larger than the reader's buffer");
        }

        chunk.CopyTo(buffer, offset);
        return chunk.Length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
