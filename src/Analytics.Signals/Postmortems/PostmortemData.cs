using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Domain.Work;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Postmortems;

/// <summary>
/// Links incidents to postmortems and action items under each team's <see cref="PostmortemPolicy"/>. A ticket is linked
/// to an incident when its title or one of its labels mentions the incident's id as a whole word (<c>Postmortem:
/// Q1ABC</c>, label <c>incident-Q1ABC</c>), ignoring case. Incidents belong to the team running their service.
/// </summary>
internal static class PostmortemData
{
    /// <summary>
    /// The request's incidents with their postmortems, and the action items; read once per request
    /// (<see cref="SignalRequest.OncePerRequestAsync"/>: the four <c>postmortems.*</c> signals share it).
    /// </summary>
    public static async Task<(IReadOnlyList<PostmortemCase> Cases, IReadOnlyList<ActionItem> Actions)> LoadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var loaded = await request.OncePerRequestAsync(nameof(PostmortemData), ct => ReadAsync(request, ct), cancellationToken);
        return (loaded.Cases, loaded.Actions);
    }

    private static readonly string[] TicketColumns = ["title", "labels", "type", "created_at", "category", "resolved_at", "updated_at"];
    private const int Title = 0;
    private const int Labels = 1;
    private const int Type = 2;
    private const int CreatedAt = 3;
    private const int Category = 4;
    private const int ResolvedAt = 5;
    private const int UpdatedAt = 6;

    private static async Task<Loaded> ReadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var incidents = new Dictionary<string, (Incident Incident, Team Team)>(StringComparer.OrdinalIgnoreCase);
        await foreach (var incident in request.Store.ReadAsync(Entities.Incidents, null, cancellationToken))
        {
            if (request.TeamOfService(incident.Service) is { } team)
            {
                incidents.TryAdd(incident.SourceId, (incident, team));
            }
        }

        var postmortemTickets = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        var actions = new List<ActionItem>();
        var byId = incidents.GetAlternateLookup<ReadOnlySpan<char>>();
        var mentioned = new List<string>();
        // A columnar read of the seven fields used (no ticket record), in store order as before: action items keep it.
        await foreach (var batch in request.Store.ReadColumnsAsync(Entities.Tickets, TicketColumns, null, cancellationToken))
        {
            var strings = batch.Strings;
            var titles = batch.Codes(Title);
            var labelCodes = batch.Codes(Labels);
            var types = batch.Codes(Type);
            var createdAt = batch.Ticks(CreatedAt);
            var categories = batch.Codes(Category);
            var resolvedAt = batch.Ticks(ResolvedAt);
            var updatedAt = batch.Ticks(UpdatedAt);
            for (var row = 0; row < batch.Count; row++)
            {
                var labels = batch.Lists[labelCodes[row]];
                FindMentions(strings[titles[row]], labels, byId, mentioned);
                if (mentioned.Count == 0)
                {
                    continue;
                }

                var created = new DateTimeOffset(createdAt[row], TimeSpan.Zero);
                foreach (var id in mentioned)
                {
                    var (_, team) = incidents[id];
                    var policy = team.Postmortems;
                    if (labels.Any(l => Contains(policy.TicketLabels, l)) || Contains(policy.TicketTypes, strings[types[row]]))
                    {
                        postmortemTickets[id] = postmortemTickets.TryGetValue(id, out var seen) && seen < created ? seen : created;
                    }
                    else if (labels.Any(l => Contains(policy.ActionLabels, l)))
                    {
                        DateTimeOffset? resolved = batch.IsNull(ResolvedAt, row) ? null : new DateTimeOffset(resolvedAt[row], TimeSpan.Zero);
                        actions.Add(new ActionItem(created, (StatusCategory)categories[row], resolved, new DateTimeOffset(updatedAt[row], TimeSpan.Zero), team));
                    }
                }
            }
        }

        var cases = new List<PostmortemCase>();
        foreach (var (incident, team) in incidents.Values)
        {
            if (incident.ResolvedAt is not { } resolved || !team.Postmortems.Requires(incident.Severity))
            {
                continue;
            }

            // A linked document without a publication time counts from the resolution: it exists, its date is unknown.
            DateTimeOffset? document = incident.PostmortemAt ?? (incident.PostmortemUrl is not null ? resolved : null);
            DateTimeOffset? ticketAt = postmortemTickets.TryGetValue(incident.SourceId, out var at) ? at : null;
            var done = document is { } d && (ticketAt is not { } t || d <= t) ? document : ticketAt;
            cases.Add(new PostmortemCase(incident, team, BusinessDays.Deadline(resolved, team.Postmortems.BusinessDays, team.TimeZone), done));
        }

        return new Loaded(cases, actions);
    }

    /// <summary>
    /// The ids of the incidents a ticket's title and labels mention, as stored, each once, in the order first met: the
    /// words of each text, whole and split at dashes (ids may contain dashes, labels join them). Words are looked up as
    /// spans: every ticket of the store is scanned, and almost no word is an incident's id.
    /// </summary>
    private static void FindMentions(
        string title, IEnumerable<string> labels, Dictionary<string, (Incident, Team)>.AlternateLookup<ReadOnlySpan<char>> incidents, List<string> into)
    {
        into.Clear();
        FindMentions(title, incidents, into);
        foreach (var label in labels)
        {
            FindMentions(label, incidents, into);
        }
    }

    private static void FindMentions(ReadOnlySpan<char> text, Dictionary<string, (Incident, Team)>.AlternateLookup<ReadOnlySpan<char>> incidents, List<string> into)
    {
        foreach (var range in text.SplitAny(Separators))
        {
            var word = text[range];
            if (word.IsEmpty)
            {
                continue;
            }

            Add(word, incidents, into);
            if (word.Contains('-'))
            {
                foreach (var part in word.Split('-'))
                {
                    if (!word[part].IsEmpty)
                    {
                        Add(word[part], incidents, into);
                    }
                }
            }
        }

        static void Add(ReadOnlySpan<char> word, Dictionary<string, (Incident, Team)>.AlternateLookup<ReadOnlySpan<char>> incidents, List<string> into)
        {
            if (incidents.TryGetValue(word, out var id, out _) && !into.Contains(id, StringComparer.OrdinalIgnoreCase))
            {
                into.Add(id);
            }
        }
    }

    private static readonly char[] Separators = [' ', '\t', ',', ';', ':', '(', ')', '[', ']', '{', '}', '/', '#', '.', '"', '\''];

    private static bool Contains(IEnumerable<string> values, string value) =>
        values.Any(v => string.Equals(v.Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>What one read gives, shared by the request's postmortem signals.</summary>
    private sealed record Loaded(IReadOnlyList<PostmortemCase> Cases, IReadOnlyList<ActionItem> Actions);
}
