using System.ComponentModel.DataAnnotations;

namespace Analytics.Host.Configuration;

/// <summary>The <c>Smtp</c> section: where e-mails go (see <c>docs/delivery.md</c>). The password itself is never here.</summary>
internal sealed class SmtpSettings
{
    /// <summary>The SMTP server; unset leaves e-mails waiting in the outbox.</summary>
    public string? Host { get; set; }

    /// <summary>Its port (default 587).</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Whether to upgrade the connection with STARTTLS (default true; implicit TLS on port 465 is not supported).</summary>
    public bool StartTls { get; set; } = true;

    /// <summary>The user name to authenticate as; unset sends without authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>The environment variable holding the password (default <c>ANALYTICS_SMTP_PASSWORD</c>); read only when <see cref="UserName"/> is set.</summary>
    [Required(AllowEmptyStrings = false)]
    public string PasswordVariable { get; set; } = "ANALYTICS_SMTP_PASSWORD";

    /// <summary>The sender, such as <c>Analytics &lt;analytics@example.com&gt;</c>; required with <see cref="Host"/>.</summary>
    public string? From { get; set; }

    /// <summary>The longest one message may take to send (default 100 seconds).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);
}
