using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Analytics.Testing.Images;

/// <summary>
/// A small PNG reader for tests, enough to check that a screenshot or a rendered chart is not blank: it checks the
/// signature and every chunk's CRC, reads the size from <c>IHDR</c>, and decodes 8-bit RGB and RGBA non-interlaced
/// images (what Chromium and librsvg write), undoing the five scanline filters.
/// </summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private readonly Rgba[] _pixels;

    private PngImage(int width, int height, Rgba[] pixels)
    {
        Width = width;
        Height = height;
        _pixels = pixels;
    }

    /// <summary>The width in pixels.</summary>
    public int Width { get; }

    /// <summary>The height in pixels.</summary>
    public int Height { get; }

    /// <summary>Reads and decodes a PNG file.</summary>
    /// <exception cref="InvalidDataException">The file is not a well-formed PNG.</exception>
    /// <exception cref="NotSupportedException">The PNG is not 8-bit RGB or RGBA, or is interlaced.</exception>
    public static PngImage Load(string path) => Decode(File.ReadAllBytes(path));

    /// <summary>Decodes a PNG held in memory.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed PNG.</exception>
    /// <exception cref="NotSupportedException">The PNG is not 8-bit RGB or RGBA, or is interlaced.</exception>
    public static PngImage Decode(ReadOnlySpan<byte> png)
    {
        if (!png.StartsWith(Signature))
        {
            throw new InvalidDataException("not a PNG: the signature is missing");
        }

        Header? header = null;
        using var compressed = new MemoryStream();
        var offset = Signature.Length;
        while (true)
        {
            if (offset + 12 > png.Length)
            {
                throw new InvalidDataException($"truncated PNG: no IEND chunk (at byte {offset})");
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(png[offset..]);
            if (length < 0 || offset + 12L + length > png.Length)
            {
                throw new InvalidDataException($"truncated PNG: chunk at byte {offset} claims {length} bytes");
            }

            var typeAndData = png.Slice(offset + 4, 4 + length);
            var type = Encoding.ASCII.GetString(typeAndData[..4]);
            var data = typeAndData[4..];
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png[(offset + 8 + length)..]);
            if (Crc32(typeAndData) != crc)
            {
                throw new InvalidDataException($"corrupt PNG: bad CRC in chunk {type} at byte {offset}");
            }

            offset += 12 + length;
            switch (type)
            {
                case "IHDR":
                    header = ReadHeader(data);
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
                case "IEND":
                    if (header is null)
                    {
                        throw new InvalidDataException("corrupt PNG: no IHDR chunk");
                    }

                    return new PngImage(header.Width, header.Height, DecodePixels(header, compressed));
                default:
                    break; // ancillary chunks (sRGB, pHYs, tEXt...) do not change the pixels we compare
            }
        }
    }

    /// <summary>Reads only the size from a PNG file's <c>IHDR</c>, whatever its colour type.</summary>
    /// <exception cref="InvalidDataException">The file does not start like a PNG.</exception>
    public static (int Width, int Height) ReadSize(string path)
    {
        var start = new byte[24];
        using (var file = File.OpenRead(path))
        {
            file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        }

        if (!start.AsSpan().StartsWith(Signature) || Encoding.ASCII.GetString(start, 12, 4) != "IHDR")
        {
            throw new InvalidDataException($"not a PNG: {path}");
        }

        return (BinaryPrimitives.ReadInt32BigEndian(start.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(start.AsSpan(20)));
    }

    /// <summary>The colour at column <paramref name="x"/>, row <paramref name="y"/> (0, 0 is the top left).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The point is outside the image.</exception>
    public Rgba GetPixel(int x, int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return _pixels[(y * Width) + x];
    }

    /// <summary>The number of distinct colours in the image: 1 for a blank one.</summary>
    public int CountDistinctColors() => _pixels.Distinct().Count();

    /// <summary>The number of pixels that match <paramref name="predicate"/>.</summary>
    public int CountPixels(Func<Rgba, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return _pixels.Count(predicate);
    }

    /// <summary>The number of pixels that are not opaque white.</summary>
    public int CountNonWhitePixels() => CountPixels(p => !p.IsWhite);

    private static Header ReadHeader(ReadOnlySpan<byte> data)
    {
        if (data.Length != 13)
        {
            throw new InvalidDataException($"corrupt PNG: IHDR has {data.Length} bytes, not 13");
        }

        var header = new Header(
            BinaryPrimitives.ReadInt32BigEndian(data),
            BinaryPrimitives.ReadInt32BigEndian(data[4..]),
            data[8],
            data[9],
            data[12]);
        if (header.Width <= 0 || header.Height <= 0)
        {
            throw new InvalidDataException($"corrupt PNG: size {header.Width}x{header.Height}");
        }

        if (header.BitDepth != 8 || header.ColorType is not (2 or 6))
        {
            throw new NotSupportedException(
                $"only 8-bit RGB and RGBA PNGs are supported, not bit depth {header.BitDepth}, colour type {header.ColorType}");
        }

        if (header.Interlace != 0)
        {
            throw new NotSupportedException("interlaced PNGs are not supported");
        }

        return header;
    }

    private static Rgba[] DecodePixels(Header header, MemoryStream compressed)
    {
        var channels = header.ColorType == 6 ? 4 : 3;
        var stride = header.Width * channels;
        var raw = new byte[(stride + 1) * header.Height]; // each scanline starts with its filter type
        compressed.Position = 0;
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            var read = zlib.ReadAtLeast(raw, raw.Length, throwOnEndOfStream: false);
            if (read != raw.Length)
            {
                throw new InvalidDataException($"corrupt PNG: image data has {read} bytes, expected {raw.Length}");
            }
        }

        var previous = new byte[stride];
        var current = new byte[stride];
        var pixels = new Rgba[header.Width * header.Height];
        for (var y = 0; y < header.Height; y++)
        {
            var line = raw.AsSpan(y * (stride + 1), stride + 1);
            line[1..].CopyTo(current);
            Unfilter(line[0], current, previous, channels, y);
            for (var x = 0; x < header.Width; x++)
            {
                var p = x * channels;
                pixels[(y * header.Width) + x] =
                    new Rgba(current[p], current[p + 1], current[p + 2], channels == 4 ? current[p + 3] : (byte)255);
            }

            (previous, current) = (current, previous);
        }

        return pixels;
    }

    /// <summary>Undoes a scanline filter in place (PNG specification, section 9).</summary>
    private static void Unfilter(byte filter, Span<byte> line, ReadOnlySpan<byte> above, int bytesPerPixel, int row)
    {
        for (var i = 0; i < line.Length; i++)
        {
            int left = i >= bytesPerPixel ? line[i - bytesPerPixel] : 0;
            int up = above[i];
            int upLeft = i >= bytesPerPixel ? above[i - bytesPerPixel] : 0;
            line[i] += filter switch
            {
                0 => 0,
                1 => (byte)left,
                2 => (byte)up,
                3 => (byte)((left + up) / 2),
                4 => (byte)Paeth(left, up, upLeft),
                _ => throw new InvalidDataException($"corrupt PNG: unknown filter type {filter} on row {row}"),
            };
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>The CRC-32 of PNG (and zlib's crc32): polynomial 0xEDB88320, reflected.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private sealed record Header(int Width, int Height, byte BitDepth, byte ColorType, byte Interlace);
}
