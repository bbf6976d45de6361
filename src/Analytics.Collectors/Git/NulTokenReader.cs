using System.Buffers;
using System.Text;

namespace Analytics.Collectors.Git;

/// <summary>
/// Reads NUL-terminated UTF-8 tokens from a stream with a fixed buffer, so output of any length is read in bounded
/// memory (one token at a time). Bytes that are not UTF-8 (a path committed in Latin-1, say) decode to U+FFFD.
/// </summary>
internal sealed class NulTokenReader
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly ArrayBufferWriter<byte> _token = new(256);
    private int _position;
    private int _length;
    private bool _ended;

    /// <summary>Reads from <paramref name="stream"/>, which the caller owns.</summary>
    public NulTokenReader(Stream stream) => _stream = stream;

    /// <summary>The next token without its NUL; text after the last NUL is a final token; null at the end.</summary>
    public async ValueTask<string?> ReadAsync(CancellationToken ct)
    {
        _token.ResetWrittenCount();
        while (true)
        {
            if (_position == _length)
            {
                if (_ended)
                {
                    return _token.WrittenCount > 0 ? Decode() : null;
                }

                _length = await _stream.ReadAsync(_buffer.AsMemory(), ct);
                _position = 0;
                _ended = _length == 0;
                continue;
            }

            var nul = Array.IndexOf(_buffer, (byte)0, _position, _length - _position);
            if (nul < 0)
            {
                _token.Write(_buffer.AsSpan(_position, _length - _position));
                _position = _length;
                continue;
            }

            _token.Write(_buffer.AsSpan(_position, nul - _position));
            _position = nul + 1;
            return Decode();
        }
    }

    private string Decode() => Encoding.UTF8.GetString(_token.WrittenSpan);
}
