namespace Analytics.Reports.Delivery;

/// <summary>
/// Where and how the <see cref="SmtpChannel"/> sends. The password is never here: only the name of the environment
/// variable that holds it. Equality is by value.
/// </summary>
public sealed record SmtpOptions
{
    /// <summary>The SMTP server's host name or address; required.</summary>
    public required string Host { get; init => field = Domain.Common.Guard.NotBlank(value, nameof(Host)); }

    /// <summary>Its port (default 587, submission).</summary>
    public int Port { get; init => field = value is > 0 and < 65536 ? value : throw new ArgumentOutOfRangeException(nameof(Port), value, "must be 1 to 65535"); } = 587;

    /// <summary>
    /// Whether to upgrade the connection with STARTTLS before authenticating (default true). Implicit TLS (port 465) is
    /// not supported by <see cref="System.Net.Mail.SmtpClient"/>.
    /// </summary>
    public bool StartTls { get; init; } = true;

    /// <summary>The user name to authenticate as; null sends without authentication.</summary>
    public string? UserName { get; init; }

    /// <summary>The environment variable holding the password; required when <see cref="UserName"/> is set.</summary>
    public string? PasswordVariable { get; init; }

    /// <summary>The sender's address, such as <c>Analytics &lt;analytics@example.com&gt;</c>; required. Its domain ends every Message-ID.</summary>
    public required string From { get; init => field = Domain.Common.Guard.NotBlank(value, nameof(From)); }

    /// <summary>The longest one message may take to send (default 100 seconds).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);
}
