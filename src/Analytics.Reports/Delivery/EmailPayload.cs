using System.Text.Json;
using Analytics.Domain.Common;

namespace Analytics.Reports.Delivery;

/// <summary>
/// An <see cref="EmailMessage"/> as the outbox stores it: JSON with the images and attachments in base64, so the row
/// alone is enough to send it again after a crash or an outage, byte for byte.
/// </summary>
internal static class EmailPayload
{
    public static string Serialize(EmailMessage message)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("subject", message.Subject);
            json.WriteString("html", message.HtmlBody);
            json.WriteString("text", message.TextBody);
            json.WriteStartArray("images");
            foreach (var image in message.InlineImages)
            {
                json.WriteStartObject();
                json.WriteString("contentId", image.ContentId);
                json.WriteString("mediaType", image.MediaType);
                json.WriteString("alternativeText", image.AlternativeText);
                json.WriteBase64String("content", image.Content.Span);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("attachments");
            foreach (var attachment in message.Attachments)
            {
                json.WriteStartObject();
                json.WriteString("fileName", attachment.FileName);
                json.WriteString("mediaType", attachment.MediaType);
                json.WriteBase64String("content", attachment.Content.Span);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <exception cref="FormatException">The payload is not a serialized e-mail (the store was edited by hand).</exception>
    public static EmailMessage Deserialize(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            var images = root.GetProperty("images").EnumerateArray().Select(i => new InlineImage(
                i.GetProperty("contentId").GetString()!, i.GetProperty("mediaType").GetString()!,
                i.GetProperty("content").GetBytesFromBase64(), i.GetProperty("alternativeText").GetString()!));
            var attachments = root.GetProperty("attachments").EnumerateArray().Select(a => new EmailAttachment(
                a.GetProperty("fileName").GetString()!, a.GetProperty("mediaType").GetString()!, a.GetProperty("content").GetBytesFromBase64()));
            return new EmailMessage(
                root.GetProperty("subject").GetString()!, root.GetProperty("html").GetString()!, root.GetProperty("text").GetString()!,
                ValueList.From(images), ValueList.From(attachments));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"not a stored e-mail: {e.Message}", e);
        }
    }
}
