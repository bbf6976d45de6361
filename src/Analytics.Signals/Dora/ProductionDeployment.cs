using Analytics.Domain.People;

namespace Analytics.Signals.Dora;

/// <summary>A successful production deployment as the DORA signals count it (<see cref="ProductionDeployments"/>).</summary>
/// <param name="Source">Its source.</param>
/// <param name="SourceId">Its id in the source.</param>
/// <param name="Repository">The repository deployed.</param>
/// <param name="Team">The team it counts for.</param>
/// <param name="At">When it went live: its finish, else its creation.</param>
internal readonly record struct ProductionDeployment(string Source, string SourceId, string Repository, Team Team, DateTimeOffset At);
