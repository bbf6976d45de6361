namespace Analytics.Collectors.Tests.HttpApi;

/// <summary>A request the loopback server received.</summary>
public sealed record LoopbackRequest(string Method, string Path, string Query, string Body, string? Authorization, string? Accept)
{
    /// <summary>A query parameter's (unescaped) values.</summary>
    public IReadOnlyList<string> QueryValues(string name) =>
        Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => Uri.UnescapeDataString(p[0]) == name)
            .Select(p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "")
            .ToList();

    /// <summary>A query parameter's single value, or null.</summary>
    public string? QueryValue(string name) => QueryValues(name) is [var first, ..] ? first : null;
}
