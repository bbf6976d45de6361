using Analytics.Domain.Common;
using Analytics.Reports.Delivery;

namespace Analytics.Reports.Tests.Delivery;

/// <summary>E-mails for delivery tests: HTML and text parts, two inline images, a PDF.</summary>
internal static class SampleEmail
{
    public const string Sender = "Analytics <analytics@example.org>";

    /// <summary>Every byte value, so any 7-bit or charset mangling on the way changes the content.</summary>
    public static byte[] Bytes(byte seed, int length) =>
        [.. Enumerable.Range(0, length).Select(i => (byte)((i * 7) + seed))];

    public static byte[] Png(byte seed) => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Bytes(seed, 600)];

    public static byte[] Pdf { get; } = [.. "%PDF-1.7\n"u8, .. Bytes(3, 5000), .. "\n%%EOF\n"u8];

    public static EmailMessage WithEverything(string subject = "Payments – week 47: 2 risks") => new(
        subject,
        """<html><body><table><tr><td><h1>Payments</h1><img src="cid:lead-time@analytics" alt="Lead time"><img src="cid:review-load@analytics" alt="Review load"></td></tr></table></body></html>""",
        "Payments, week 47\n\nLead time: 2.5 days (was 3.1)\nRisks: 2\n",
        ValueList.Of(
            new InlineImage("lead-time@analytics", "image/png", Png(1), "Lead time"),
            new InlineImage("review-load@analytics", "image/png", Png(2), "Review load")),
        ValueList.Of(new EmailAttachment("payments-2026-W47.pdf", "application/pdf", Pdf)));

    public static EmailMessage Short(string subject) =>
        new(subject, "<p>hello</p>", "hello", ValueList<InlineImage>.Empty, ValueList<EmailAttachment>.Empty);

    public static SmtpOptions Smtp(int port) => new() { Host = "127.0.0.1", Port = port, StartTls = false, From = Sender, Timeout = TimeSpan.FromSeconds(30) };

    public static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
