using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Analytics.Collectors.TestReports;

/// <summary>
/// Counts the executions of each test in one report, to give each its execution index (0, 1, 2… in document order).
/// Tests are remembered by a 128-bit digest of their id rather than the id itself, so a report with a million
/// distinct tests costs about 40 MB (more while the table grows) instead of the ids' size; two ids sharing a digest is not a practical concern.
/// </summary>
internal sealed class ExecutionCounter
{
    private readonly Dictionary<UInt128, int> _counts = [];

    /// <summary>Tests seen more than once.</summary>
    public int Retried { get; private set; }

    /// <summary>Returns the next execution index of <paramref name="testId"/> (0 the first time) and counts it.</summary>
    public int Next(string testId)
    {
        var key = Digest(testId);
        _counts.TryGetValue(key, out var count);
        _counts[key] = count + 1;
        if (count == 1)
        {
            Retried++;
        }

        return count;
    }

    private static UInt128 Digest(string testId)
    {
        var length = Encoding.UTF8.GetMaxByteCount(testId.Length);
        var rented = length <= 512 ? null : ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Span<byte> bytes = rented ?? stackalloc byte[512];
            var written = Encoding.UTF8.GetBytes(testId, bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes[..written], hash);
            return BinaryPrimitives.ReadUInt128LittleEndian(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
