using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.Delivery;
using Analytics.Domain.People;
using Analytics.Signals.Series;
using Analytics.Signals.Tickets;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Wins;

/// <summary>
/// Reads a team's <see cref="WeeklyHighlights"/>: pull requests merged into its repositories (grouped by repository and
/// the top folder of their merge commits' changes), successful production deployments of its repositories, incidents of
/// its services resolved, and epics (ticket types in <see cref="EpicTypes"/>) closed by it. Bots' pull requests are left
/// out. Rules in <c>docs/signals/wins.md</c>.
/// </summary>
public static class HighlightsQuery
{
    /// <summary>The ticket types that are epics: <c>Epic</c> (Jira's), ignoring case.</summary>
    public static IReadOnlyList<string> EpicTypes { get; } = ["Epic"];

    /// <summary>The folders that only hold other folders, so the area is one level deeper (<c>src/checkout</c>).</summary>
    private static readonly string[] Containers = ["src", "lib", "libs", "packages", "apps", "services", "modules", "internal", "cmd", "pkg"];

    /// <summary>The team's highlights in <paramref name="window"/>.</summary>
    /// <param name="request">The store, teams and people (its period is not used; its granularity only widens the tickets read).</param>
    /// <param name="team">The team.</param>
    /// <param name="window">The window, usually the report's week.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="Storage.StoreException">The store cannot be read.</exception>
    public static async Task<WeeklyHighlights> LoadAsync(SignalRequest request, Team team, TimeWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(window);
        var repositories = team.Repositories.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var merged = new List<PullRequest>();
        await foreach (var pull in request.Store.ReadAsync(Entities.PullRequests, null, cancellationToken))
        {
            if (pull.MergedAt is { } at && window.Contains(at) && repositories.Contains(pull.Repository)
                && request.People.Find(pull.Source, pull.Author) is not { IsBot: true })
            {
                merged.Add(pull);
            }
        }

        var shas = merged.Where(p => p.MergeCommitSha is not null).Select(p => (p.Repository, p.MergeCommitSha!)).ToHashSet();
        var lines = new Dictionary<(string Repository, string Sha), Dictionary<string, int>>();
        if (shas.Count > 0)
        {
            await foreach (var change in request.Store.ReadAsync(Entities.FileChanges, null, cancellationToken))
            {
                if (shas.Contains((change.Repository, change.Sha)))
                {
                    var folders = lines.TryGetValue((change.Repository, change.Sha), out var f) ? f : lines[(change.Repository, change.Sha)] = new(StringComparer.Ordinal);
                    var area = AreaOf(change.Path);
                    folders[area] = folders.GetValueOrDefault(area) + (change.Additions ?? 0) + (change.Deletions ?? 0) + 1;
                }
            }
        }

        var areas = merged
            .GroupBy(p => (p.Repository, Area: p.MergeCommitSha is { } sha && lines.TryGetValue((p.Repository, sha), out var folders)
                ? folders.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key
                : ""))
            .Select(g => new AreaHighlight(g.Key.Repository, g.Key.Area, g.Count(), ValueList.From(g.OrderByDescending(p => p.MergedAt).Select(p => p.Title))))
            .OrderByDescending(a => a.PullRequests).ThenBy(a => a.Repository, StringComparer.Ordinal).ThenBy(a => a.Area, StringComparer.Ordinal)
            .ToList();

        var releases = new List<ReleaseHighlight>();
        await foreach (var deployment in request.Store.ReadAsync(Entities.Deployments, null, cancellationToken))
        {
            if (deployment.Status == DeploymentStatus.Success && request.IsProduction(deployment.Environment)
                && (repositories.Contains(deployment.Repository) || (deployment.Service is { } service && team.Services.Contains(service, StringComparer.OrdinalIgnoreCase)))
                && (deployment.FinishedAt ?? deployment.CreatedAt) is var at && window.Contains(at))
            {
                releases.Add(new ReleaseHighlight(deployment.Repository, deployment.Service, deployment.Ref, at, deployment.Environment, deployment.CommitSha));
            }
        }

        var incidents = new List<IncidentHighlight>();
        await foreach (var incident in request.Store.ReadAsync(Entities.Incidents, null, cancellationToken))
        {
            if (incident.ResolvedAt is { } resolved && window.Contains(resolved) && team.Services.Contains(incident.Service, StringComparer.OrdinalIgnoreCase))
            {
                incidents.Add(new IncidentHighlight(incident.Service, incident.Severity, incident.Title, resolved, resolved - incident.CreatedAt, incident.Url));
            }
        }

        // The team's own part of the request over the window: its own loads (a load shared with the whole request would
        // hold every team's tickets), bounded by the window.
        var lives = await TicketData.LoadAsync(request.Over(window.Start, window.End, [team]), BlockedStatuses.ToSet(null), cancellationToken);
        var children = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var ticket in request.Store.ReadAsync(Entities.Tickets, null, cancellationToken))
        {
            if (ticket.ParentKey is { } parent)
            {
                children[parent] = children.GetValueOrDefault(parent) + 1;
            }
        }

        var epics = lives
            .Where(l => l.ResolvedAt is { } r && window.Contains(r) && EpicTypes.Contains(l.Ticket.Type, StringComparer.OrdinalIgnoreCase))
            .Select(l => new EpicHighlight(l.Ticket.Key, l.Ticket.Title, l.ResolvedAt!.Value, children.GetValueOrDefault(l.Ticket.Key)))
            .OrderByDescending(e => e.ResolvedAt)
            .ToList();

        return new WeeklyHighlights(
            team.Id,
            window,
            ValueList.From(areas),
            ValueList.From(releases.OrderByDescending(r => r.At)),
            ValueList.From(incidents.OrderByDescending(i => i.ResolvedAt)),
            ValueList.From(epics));
    }

    /// <summary>The top folder of a path, one level deeper under container folders; empty for files at the root.</summary>
    internal static string AreaOf(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length <= 1)
        {
            return "";
        }

        return parts.Length > 2 && Containers.Contains(parts[0], StringComparer.OrdinalIgnoreCase) ? parts[0] + "/" + parts[1] : parts[0];
    }
}
