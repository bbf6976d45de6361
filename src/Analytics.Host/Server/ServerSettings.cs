using System.ComponentModel.DataAnnotations;

namespace Analytics.Host.Server;

/// <summary>The <c>Server</c> section: how <c>analytics serve</c> listens and names itself.</summary>
internal sealed class ServerSettings
{
    /// <summary>
    /// The addresses Kestrel listens on, separated by <c>;</c> (default <c>http://127.0.0.1:5080</c>: this machine only).
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// This process's name in the job history and, in clustered mode, its Quartz instance id: unique per node
    /// (default: the machine name and the process id).
    /// </summary>
    [RegularExpression("^[A-Za-z0-9._-]{1,80}$", ErrorMessage = "must be 1 to 80 letters, digits, '.', '_' or '-'")]
    public string? Node { get; set; }

    /// <summary>How long a shutdown (SIGTERM, Ctrl+C) waits for running jobs to stop after cancelling them (default 30 seconds).</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
