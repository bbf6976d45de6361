using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Security.Cryptography;
using System.Text;
using Analytics.Domain.Outbox;

namespace Analytics.Reports.Delivery;

/// <summary>
/// Sends e-mails over SMTP with <see cref="SmtpClient"/>: multipart/alternative with a plain-text and an HTML part, the
/// HTML's images as linked resources by Content-ID, attachments, and a Message-ID derived from the outbox's
/// idempotency key, so a message sent twice (a crash between the server's acceptance and the outbox's mark) carries
/// the same Message-ID both times and receivers can drop the repeat.
/// </summary>
public sealed class SmtpChannel : IDeliveryChannel
{
    // Codes that refuse this message or mailbox for good; other failures (connection, 4xx, authentication) may pass.
    private static readonly SmtpStatusCode[] s_permanent =
    [
        SmtpStatusCode.MailboxUnavailable, SmtpStatusCode.UserNotLocalTryAlternatePath, SmtpStatusCode.ExceededStorageAllocation,
        SmtpStatusCode.MailboxNameNotAllowed, SmtpStatusCode.TransactionFailed,
    ];

    private readonly SmtpOptions _options;
    private readonly MailAddress _from;
    private readonly NetworkCredential? _credential;
    private readonly string? _password;
    private readonly TimeProvider _time;

    /// <summary>Creates the channel, reading the password from the environment now.</summary>
    /// <param name="options">Server, sender and credentials.</param>
    /// <param name="environment">Reads an environment variable (null when unset).</param>
    /// <param name="time">The clock of the send timeout.</param>
    /// <exception cref="ArgumentException">The sender is not an address, or the password variable is missing or unset.</exception>
    public SmtpChannel(SmtpOptions options, Func<string, string?> environment, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(time);
        if (!MailAddress.TryCreate(options.From, out var from))
        {
            throw new ArgumentException($"Smtp:From: '{options.From}' is not an e-mail address", nameof(options));
        }

        if (options.UserName is { Length: > 0 } user)
        {
            if (string.IsNullOrWhiteSpace(options.PasswordVariable))
            {
                throw new ArgumentException("Smtp:UserName is set but Smtp:PasswordVariable (the environment variable holding the password) is not", nameof(options));
            }

            _password = environment(options.PasswordVariable) is { Length: > 0 } password
                ? password
                : throw new ArgumentException($"the environment variable {options.PasswordVariable} (named by Smtp:PasswordVariable) is not set", nameof(options));
            _credential = new NetworkCredential(user, _password);
        }

        _options = options;
        _from = from;
        _time = time;
    }

    /// <inheritdoc />
    public OutboundChannel Channel => OutboundChannel.Email;

    /// <inheritdoc />
    public TimeSpan Timeout => _options.Timeout;

    /// <summary>The Message-ID of the e-mail with <paramref name="idempotencyKey"/>: a hash of the key at the sender's domain.</summary>
    public static string MessageIdOf(string idempotencyKey, string senderDomain)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)).AsSpan(0, 16));
        return $"<{hash}.analytics@{senderDomain}>";
    }

    /// <inheritdoc />
    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var where = $"e-mail to {message.Target} via {_options.Host}:{_options.Port.ToString(CultureInfo.InvariantCulture)}";
        MailMessage mail;
        try
        {
            mail = Build(message, DeliveryOutbox.EmailOf(message));
        }
        catch (FormatException e)
        {
            return DeliveryOutcome.Permanent($"{where}: {e.Message}");
        }

        using (mail)
        using (var client = new SmtpClient(_options.Host, _options.Port))
        using (var timeout = new CancellationTokenSource(_options.Timeout, _time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            client.DeliveryMethod = SmtpDeliveryMethod.Network;
            client.EnableSsl = _options.StartTls;
            client.UseDefaultCredentials = false;
            client.Credentials = _credential;
            try
            {
                await client.SendMailAsync(mail, linked.Token);
                return DeliveryOutcome.Sent;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return DeliveryOutcome.Retry($"{where}: no answer within {_options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
            }
            catch (SmtpFailedRecipientException e) when (s_permanent.Contains(e.StatusCode))
            {
                return DeliveryOutcome.Permanent($"{where}: refused: {Describe(e)}");
            }
            catch (SmtpException e) when (s_permanent.Contains(e.StatusCode))
            {
                return DeliveryOutcome.Permanent($"{where}: refused: {Describe(e)}");
            }
            catch (Exception e) when (e is SmtpException or IOException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                return DeliveryOutcome.Retry($"{where}: {Describe(e)}");
            }
        }
    }

    private MailMessage Build(OutboundMessage message, EmailMessage email)
    {
        var mail = new MailMessage
        {
            From = _from,
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        try
        {
            mail.To.Add(new MailAddress(message.Target));
            mail.Headers["Message-ID"] = MessageIdOf(message.IdempotencyKey, _from.Host);
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(email.TextBody, Encoding.UTF8, MediaTypeNames.Text.Plain));
            var html = AlternateView.CreateAlternateViewFromString(email.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html);
            foreach (var image in email.InlineImages)
            {
                html.LinkedResources.Add(new LinkedResource(new MemoryStream(image.Content.ToArray()), image.MediaType)
                {
                    ContentId = image.ContentId,
                    TransferEncoding = TransferEncoding.Base64,
                });
            }

            mail.AlternateViews.Add(html);
            foreach (var file in email.Attachments)
            {
                var attachment = new Attachment(new MemoryStream(file.Content.ToArray()), file.FileName, file.MediaType)
                {
                    TransferEncoding = TransferEncoding.Base64,
                };
                attachment.ContentDisposition!.FileName = file.FileName;
                mail.Attachments.Add(attachment);
            }

            return mail;
        }
        catch
        {
            mail.Dispose();
            throw;
        }
    }

    // The exception's own message and its causes' (SmtpClient says "Failure sending mail." and hides the cause),
    // with the password cut out should a server ever echo it.
    private string Describe(Exception e)
    {
        var parts = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            parts.Add(current.Message.TrimEnd('.'));
        }

        return SecretText.Redact(string.Join(": ", parts.Distinct()), _password);
    }
}
