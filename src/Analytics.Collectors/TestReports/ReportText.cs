using System.Text;
using System.Xml;

namespace Analytics.Collectors.TestReports;

/// <summary>Reads the first line of an element's text without keeping the rest (stack traces and logs can be megabytes).</summary>
internal static class ReportText
{
    /// <summary>
    /// Reads the element the reader is on to its end and returns the first non-blank line of its own text, or of the text
    /// of a child named <paramref name="textChild"/> (Surefire's <c>stackTrace</c>); other children are skipped unread.
    /// Leaves the reader on the node after the element.
    /// </summary>
    public static async Task<string?> ReadFirstLineAsync(XmlReader reader, string? textChild)
    {
        if (reader.IsEmptyElement)
        {
            await reader.ReadAsync();
            return null;
        }

        var depth = reader.Depth;
        var text = new StringBuilder();
        await reader.ReadAsync();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.Depth == depth + 1 && reader.LocalName == textChild:
                    break; // Read into it: its text is the message.
                case XmlNodeType.Element:
                    await reader.SkipAsync();
                    continue;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace
                    when text.Length < ReportValues.MaxTextRead:
                    var value = await reader.GetValueAsync();
                    text.Append(value, 0, Math.Min(value.Length, ReportValues.MaxTextRead - text.Length));
                    break;
            }

            await reader.ReadAsync();
        }

        await reader.ReadAsync();
        return ReportValues.FirstLine(text.ToString());
    }
}
