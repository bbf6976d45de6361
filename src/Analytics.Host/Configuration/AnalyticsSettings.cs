using System.ComponentModel.DataAnnotations;

namespace Analytics.Host.Configuration;

/// <summary>
/// The main settings (<c>config/analytics.json</c>, overridable by <c>ANALYTICS__SECTION__KEY</c> environment variables).
/// Every key is listed in <c>docs/configuration.md</c>. Secrets never live here: they come from the environment.
/// </summary>
internal sealed class AnalyticsSettings
{
    /// <summary>Where the data is kept.</summary>
    [Required]
    public StoreSettings Store { get; set; } = new();

    /// <summary>Where teams are declared.</summary>
    [Required]
    public TeamsSettings Teams { get; set; } = new();

    /// <summary>Where reports are written.</summary>
    [Required]
    public ReportsSettings Reports { get; set; } = new();
}

/// <summary>The <c>Store</c> section.</summary>
internal sealed class StoreSettings
{
    /// <summary>A SQLite file path (default <c>data/analytics.db</c>) or a PostgreSQL URL or connection string.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Location { get; set; } = "data/analytics.db";
}

/// <summary>The <c>Teams</c> section.</summary>
internal sealed class TeamsSettings
{
    /// <summary>The teams file (default <c>config/teams.yaml</c>); a missing file means no teams yet.</summary>
    [Required(AllowEmptyStrings = false)]
    public string File { get; set; } = "config/teams.yaml";
}

/// <summary>The <c>Reports</c> section.</summary>
internal sealed class ReportsSettings
{
    /// <summary>The folder reports are written to (default <c>reports</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string OutputDirectory { get; set; } = "reports";
}
