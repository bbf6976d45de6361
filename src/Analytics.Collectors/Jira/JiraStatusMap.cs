using System.Text.Json;
using Analytics.Collectors.HttpApi;
using Analytics.Domain.Work;

namespace Analytics.Collectors.Jira;

/// <summary>
/// Status ids and names to categories. Jira spells categories two ways: <c>/rest/api/3/status</c> and issue fields give
/// an object whose <c>key</c> is <c>new|indeterminate|done</c>; <c>/rest/api/3/statuses/search</c> gives the string
/// <c>TODO|IN_PROGRESS|DONE</c>. Both map here.
/// </summary>
internal sealed class JiraStatusMap
{
    private readonly Dictionary<string, StatusCategory> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StatusCategory> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads <c>/rest/api/3/status</c> (an array) or a page of <c>/statuses/search</c> (<c>values</c>).</summary>
    public void Add(JsonElement statuses)
    {
        var items = statuses.ValueKind == JsonValueKind.Array ? statuses.EnumerateArray() : statuses.Get("values").EnumerateArray();
        foreach (var status in items)
        {
            var category = ParseCategory(status.Get("statusCategory"));
            if (category is null)
            {
                continue;
            }

            if (status.Text("id") is { } id)
            {
                _byId[id] = category.Value;
            }

            if (status.Text("name") is { } name)
            {
                _byName.TryAdd(name, category.Value);
            }
        }
    }

    /// <summary>The category of a status, by id then by name; null when neither is known.</summary>
    public StatusCategory? Find(string? id, string? name) =>
        id is not null && _byId.TryGetValue(id, out var byId) ? byId
        : name is not null && _byName.TryGetValue(name, out var byName) ? byName
        : null;

    /// <summary>
    /// Reads a category in either spelling: an object (by <c>key</c>, then by its <c>name</c>, then by <c>colorName</c>,
    /// since Atlassian's own examples show keys such as <c>in-flight</c>), or a string.
    /// </summary>
    public static StatusCategory? ParseCategory(JsonElement category)
    {
        if (category.ValueKind != JsonValueKind.Object)
        {
            return FromKey(category.AsText());
        }

        return FromKey(category.Text("key"))
            ?? category.Text("name")?.ToUpperInvariant() switch
            {
                "TO DO" => (StatusCategory?)StatusCategory.ToDo,
                "IN PROGRESS" => StatusCategory.InProgress,
                "DONE" => StatusCategory.Done,
                _ => null,
            }
            ?? category.Text("colorName") switch
            {
                "blue-gray" => (StatusCategory?)StatusCategory.ToDo,
                "yellow" => StatusCategory.InProgress,
                "green" => StatusCategory.Done,
                _ => null,
            };
    }

    private static StatusCategory? FromKey(string? key) => key?.ToUpperInvariant() switch
    {
        "NEW" or "TODO" or "TO_DO" => (StatusCategory?)StatusCategory.ToDo,
        "INDETERMINATE" or "IN_PROGRESS" => StatusCategory.InProgress,
        "DONE" => StatusCategory.Done,
        _ => null,
    };

    /// <summary>The category, or an error naming the issue, the change and the status.</summary>
    /// <exception cref="SourceDataException">The status is unknown.</exception>
    public StatusCategory Require(string? id, string? name, string where) =>
        Find(id, name) ?? throw new SourceDataException($"{where}: status '{name ?? "?"}' (id {id ?? "?"}) has no known category; it is not in the site's status list");
}
