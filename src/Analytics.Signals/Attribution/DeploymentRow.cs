using Analytics.Domain.Delivery;

namespace Analytics.Signals.Attribution;

/// <summary>
/// The fields of a deployment that attribution and the DORA signals use, without its commit, ref or a record per row
/// (<see cref="DeploymentSet"/>). Value equality over the fields.
/// </summary>
/// <param name="Source">The source (<c>deployments.source</c>).</param>
/// <param name="SourceId">Its id in the source, which an incident may name.</param>
/// <param name="Repository">The repository deployed.</param>
/// <param name="Environment">Where it went.</param>
/// <param name="Status">Its latest state.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="DeployedAt">When it went live: its finish, else its creation.</param>
/// <param name="Service">The service it names, if any.</param>
internal readonly record struct DeploymentRow(
    string Source,
    string SourceId,
    string Repository,
    string Environment,
    DeploymentStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset DeployedAt,
    string? Service)
{
    /// <summary>The row of a deployment record.</summary>
    public static DeploymentRow Of(Deployment deployment) => new(
        deployment.Source,
        deployment.SourceId,
        deployment.Repository,
        deployment.Environment,
        deployment.Status,
        deployment.CreatedAt,
        deployment.FinishedAt ?? deployment.CreatedAt,
        deployment.Service);
}
