namespace Analytics.Testing.Smtp;

/// <summary>One message the <see cref="SmtpTestServer"/> received.</summary>
/// <param name="File">The .eml file it was written to.</param>
/// <param name="EnvelopeFrom">The SMTP envelope sender (MAIL FROM).</param>
/// <param name="EnvelopeTo">The SMTP envelope recipients (RCPT TO).</param>
/// <param name="Message">The message, parsed.</param>
public sealed record ReceivedEmail(string File, string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, MimePart Message);
