using System.Text.RegularExpressions;

namespace Analytics.Reports.Delivery;

/// <summary>
/// Checks that an e-mail's HTML part shows the same in common mail clients (Gmail, Outlook, Apple Mail), which strip SVG,
/// scripts and event handlers and block remote content: no <c>&lt;svg&gt;</c>, no <c>&lt;script&gt;</c>, no
/// <c>on*</c> attributes or <c>javascript:</c> links, no frames or embedded objects, no external stylesheet, and every
/// <c>&lt;img&gt;</c> has alt text and a <c>cid:</c> source naming one of the message's inline images. Each problem is
/// reported with its line and column in the HTML part. The renderers run it on what they produce; tests run it too.
/// </summary>
public static partial class EmailSafety
{
    /// <summary>Checks <paramref name="message"/>'s HTML part against its inline images.</summary>
    /// <returns>Every problem found, in document order; empty when the message is safe.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public static IReadOnlyList<EmailSafetyViolation> Check(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Check(message.HtmlBody, message.InlineImages.Select(i => i.ContentId));
    }

    /// <summary>Checks an HTML part whose message carries inline images with <paramref name="contentIds"/>.</summary>
    /// <returns>Every problem found, in document order; empty when the HTML is safe.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<EmailSafetyViolation> Check(string html, IEnumerable<string> contentIds)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(contentIds);
        var images = new HashSet<string>(contentIds, StringComparer.OrdinalIgnoreCase);
        var violations = new List<EmailSafetyViolation>();
        var lines = LineStarts(html);
        var withoutComments = Comment().Replace(html, m => new string(' ', m.Length));
        foreach (Match tag in Tag().Matches(withoutComments))
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            var (line, column) = Position(lines, tag.Index);
            void Add(string rule, string message) => violations.Add(new EmailSafetyViolation(rule, message, line, column));

            var attributes = Attributes(tag.Groups["attributes"].Value);
            switch (name)
            {
                case "svg":
                    Add("svg", "<svg> is stripped by most mail clients; rasterise the chart to PNG and reference it by cid:");
                    break;
                case "script":
                    Add("script", "<script> is removed or blocked by mail clients");
                    break;
                case "iframe" or "object" or "embed" or "frame" or "frameset" or "applet":
                    Add("embedded-content", $"<{name}> is blocked by mail clients");
                    break;
                case "link" when attributes.GetValueOrDefault("rel")?.Contains("stylesheet", StringComparison.OrdinalIgnoreCase) == true:
                    Add("external-stylesheet", $"<link rel=\"stylesheet\" href=\"{attributes.GetValueOrDefault("href")}\"> is not loaded by mail clients; inline the CSS");
                    break;
                case "style":
                    var end = withoutComments.IndexOf("</style", tag.Index, StringComparison.OrdinalIgnoreCase);
                    var css = withoutComments[(tag.Index + tag.Length)..(end < 0 ? withoutComments.Length : end)];
                    if (ExternalCss().Match(css) is { Success: true } external)
                    {
                        Add("external-stylesheet", $"<style> loads an external resource ({external.Value.Trim()}); mail clients block it");
                    }

                    break;
                case "img":
                    CheckImage(attributes, images, Add);
                    break;
            }

            foreach (var (attribute, value) in attributes)
            {
                if (attribute.StartsWith("on", StringComparison.Ordinal) && attribute.Length > 2)
                {
                    Add("event-handler", $"<{name} {attribute}=…>: event handler attributes are removed by mail clients");
                }
                else if (attribute is "href" or "src" or "action" or "background" && value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    Add("script-url", $"<{name} {attribute}=\"javascript:…\">: script links are removed by mail clients");
                }
            }
        }

        return violations;
    }

    /// <summary>Throws when <paramref name="message"/> fails <see cref="Check(EmailMessage)"/>: the renderers' guard against producing an unsafe e-mail.</summary>
    /// <exception cref="InvalidOperationException">The message is not safe; the message lists every problem.</exception>
    public static void EnsureSafe(EmailMessage message)
    {
        var violations = Check(message);
        if (violations.Count > 0)
        {
            throw new InvalidOperationException($"the e-mail '{message.Subject}' is not safe for mail clients:{Environment.NewLine}" + string.Join(Environment.NewLine, violations));
        }
    }

    private static void CheckImage(Dictionary<string, string> attributes, HashSet<string> images, Action<string, string> add)
    {
        if (!attributes.TryGetValue("src", out var source) || string.IsNullOrWhiteSpace(source))
        {
            add("image-source", "<img> has no src");
        }
        else if (!source.StartsWith("cid:", StringComparison.OrdinalIgnoreCase))
        {
            add("image-source", $"<img src=\"{Shorten(source)}\">: images must be inline (cid:); mail clients block remote images and strip data: URLs");
        }
        else if (!images.Contains(source[4..]))
        {
            add("missing-image", $"<img src=\"{source}\">: the message has no inline image with Content-ID '{source[4..]}'");
        }

        if (!attributes.TryGetValue("alt", out var alt) || string.IsNullOrWhiteSpace(alt))
        {
            add("image-alt", $"<img src=\"{Shorten(source ?? "")}\"> has no alt text; it is what readers see when images are off");
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    private static Dictionary<string, string> Attributes(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match attribute in Attribute().Matches(text))
        {
            var value = attribute.Groups["value"].Success ? attribute.Groups["value"].Value.Trim('"', '\'') : "";
            attributes.TryAdd(attribute.Groups["name"].Value.ToLowerInvariant(), System.Net.WebUtility.HtmlDecode(value));
        }

        return attributes;
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static (int Line, int Column) Position(List<int> lineStarts, int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - lineStarts[line] + 1);
    }

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<(?<name>[a-zA-Z][a-zA-Z0-9:-]*)(?<attributes>(?:\s+[^\s=/>]+(?:\s*=\s*(?:""[^""]*""|'[^']*'|[^\s>]+))?)*)\s*/?>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<name>[^\s=/>]+)(?:\s*=\s*(?<value>""[^""]*""|'[^']*'|[^\s>]+))?", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();

    [GeneratedRegex(@"@import[^;]*|url\(\s*['""]?(?:https?:|//)[^)]*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExternalCss();
}
