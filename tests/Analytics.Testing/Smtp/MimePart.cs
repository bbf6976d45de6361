using System.Net.Mime;
using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.Testing.Smtp;

/// <summary>
/// A MIME entity as a test reads it back from a received e-mail: unfolded headers, the parsed Content-Type, the
/// decoded body (base64, quoted-printable, 7bit/8bit) and, for multipart entities, the parts. Enough to check what an
/// SMTP client produced; not a general mail parser (no nested message/rfc822, no MIME-header charsets other than UTF-8
/// and ASCII).
/// </summary>
public sealed partial class MimePart
{
    private MimePart(IReadOnlyList<KeyValuePair<string, string>> headers, ContentType contentType, byte[] body, IReadOnlyList<MimePart> parts)
    {
        Headers = headers;
        ContentType = contentType;
        Body = body;
        Parts = parts;
    }

    /// <summary>The headers in order, continuation lines unfolded, values as written (encoded words not decoded).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The Content-Type (text/plain when absent).</summary>
    public ContentType ContentType { get; }

    /// <summary>The decoded body; empty for multipart entities.</summary>
    public byte[] Body { get; }

    /// <summary>The parts of a multipart entity; empty otherwise.</summary>
    public IReadOnlyList<MimePart> Parts { get; }

    /// <summary>The body as text in the part's charset (UTF-8 when none).</summary>
    public string Text => Encoding.GetEncoding(ContentType.CharSet ?? "utf-8").GetString(Body);

    /// <summary>The Content-ID without angle brackets, or null.</summary>
    public string? ContentId => Header("Content-ID")?.Trim().TrimStart('<').TrimEnd('>');

    /// <summary>The file name of an attachment (Content-Disposition, else the Content-Type's name), or null.</summary>
    public string? FileName =>
        Header("Content-Disposition") is { } disposition ? new ContentDisposition(disposition).FileName ?? ContentType.Name : ContentType.Name;

    /// <summary>Every entity of the tree, this one first, depth first.</summary>
    public IEnumerable<MimePart> Descendants() => Parts.SelectMany(p => p.Descendants()).Prepend(this);

    /// <summary>The first header named <paramref name="name"/> (ignoring case), or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>A header with RFC 2047 encoded words (<c>=?utf-8?B?…?=</c>, <c>=?utf-8?Q?…?=</c>) decoded, or null.</summary>
    public string? DecodedHeader(string name) =>
        Header(name) is { } value
            ? EncodedWord().Replace(value.Replace("?= =?", "?==?", StringComparison.Ordinal), m =>
            {
                var encoding = Encoding.GetEncoding(m.Groups["charset"].Value);
                var text = m.Groups["text"].Value;
                return m.Groups["kind"].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                    ? encoding.GetString(Convert.FromBase64String(text))
                    : encoding.GetString(QuotedPrintable(Encoding.ASCII.GetBytes(text.Replace('_', ' ')), header: true));
            })
            : null;

    /// <summary>Parses an entity (a whole message, or one part).</summary>
    public static MimePart Parse(byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = Encoding.Latin1.GetString(raw).Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var bodyText = split < 0 ? "" : text[(split + 2)..];
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in head.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && headers.Count > 0)
            {
                headers[^1] = new(headers[^1].Key, headers[^1].Value + " " + line.Trim());
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        var typeHeader = headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
        var contentType = new ContentType(typeHeader ?? "text/plain; charset=us-ascii");
        if (contentType.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = "--" + contentType.Boundary;
            var parts = new List<MimePart>();
            var sections = ("\n" + bodyText).Split("\n" + boundary, StringSplitOptions.None);

            // sections[0] is the preamble; a section starting with "--" is the epilogue after the closing boundary.
            foreach (var section in sections.Skip(1))
            {
                if (section.StartsWith("--", StringComparison.Ordinal))
                {
                    break;
                }

                var content = section[(section.IndexOf('\n', StringComparison.Ordinal) + 1)..];
                parts.Add(Parse(Encoding.Latin1.GetBytes(content)));
            }

            return new MimePart(headers, contentType, [], parts);
        }

        var encodingName = headers.FirstOrDefault(h => h.Key.Equals("Content-Transfer-Encoding", StringComparison.OrdinalIgnoreCase)).Value?.ToLowerInvariant();
        var bytes = Encoding.Latin1.GetBytes(bodyText);
        var body = encodingName switch
        {
            "base64" => Convert.FromBase64String(string.Concat(bodyText.Where(c => !char.IsWhiteSpace(c)))),
            "quoted-printable" => QuotedPrintable(bytes, header: false),
            _ => bytes,
        };
        return new MimePart(headers, contentType, body, []);
    }

    private static byte[] QuotedPrintable(byte[] encoded, bool header)
    {
        var output = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] != '=')
            {
                output.Add(encoded[i]);
            }
            else if (i + 1 < encoded.Length && encoded[i + 1] == '\n' && !header)
            {
                i += 1; // a soft line break
            }
            else if (i + 2 < encoded.Length)
            {
                output.Add(Convert.ToByte(Encoding.ASCII.GetString(encoded, i + 1, 2), 16));
                i += 2;
            }
        }

        return [.. output];
    }

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<kind>[BbQq])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWord();
}
