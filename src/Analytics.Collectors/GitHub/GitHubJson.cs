using System.Globalization;
using System.Text.Json;

namespace Analytics.Collectors.GitHub;

/// <summary>
/// Null-tolerant reads of GitHub JSON: almost every property may be null or absent (source-apis.md §0), and users may
/// be <c>{}</c>. A missing required value is a <see cref="GitHubApiException"/> naming the field and the URL.
/// </summary>
internal static class GitHubJson
{
    /// <summary>A property's element, or null when absent or JSON null.</summary>
    public static JsonElement? Get(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>A string property, or null.</summary>
    public static string? String(this JsonElement element, string name) =>
        element.Get(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>A number property as text (ids are 64-bit and kept as text), or null.</summary>
    public static string? Id(this JsonElement element, string name) => element.Get(name) switch
    {
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        _ => null,
    };

    /// <summary>An integer property, or null.</summary>
    public static long? Long(this JsonElement element, string name) =>
        element.Get(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : null;

    /// <summary>A boolean property, or null.</summary>
    public static bool? Bool(this JsonElement element, string name) => element.Get(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    /// <summary>A timestamp property (ISO-8601, any offset) in UTC, or null.</summary>
    public static DateTimeOffset? Time(this JsonElement element, string name) =>
        element.String(name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : null;

    /// <summary>The items of an array property, or none.</summary>
    public static IEnumerable<JsonElement> Items(this JsonElement element, string name) =>
        element.Get(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>The login of a user object that may be null, absent or <c>{}</c>.</summary>
    public static string? Login(this JsonElement element, string name) => element.Get(name)?.String("login");

    /// <summary>A value that must be there.</summary>
    /// <exception cref="GitHubApiException">It is not.</exception>
    public static T Required<T>(T? value, string field, string url)
        where T : class =>
        value ?? throw new GitHubApiException(GitHubErrorKind.MalformedResponse, url, $"GET {url}: field '{field}' is missing or null");

    /// <summary>A value that must be there.</summary>
    /// <exception cref="GitHubApiException">It is not.</exception>
    public static T Required<T>(T? value, string field, string url)
        where T : struct =>
        value ?? throw new GitHubApiException(GitHubErrorKind.MalformedResponse, url, $"GET {url}: field '{field}' is missing or null");

    /// <summary>A value that must be there, in an answer described by <paramref name="where"/> (a GraphQL query and path).</summary>
    /// <exception cref="GitHubApiException">It is not.</exception>
    public static T RequiredAt<T>(T? value, string field, string url, string where)
        where T : class =>
        value ?? throw new GitHubApiException(GitHubErrorKind.MalformedResponse, url, $"{where}: field '{field}' is missing or null");

    /// <summary>A value that must be there, in an answer described by <paramref name="where"/> (a GraphQL query and path).</summary>
    /// <exception cref="GitHubApiException">It is not.</exception>
    public static T RequiredAt<T>(T? value, string field, string url, string where)
        where T : struct =>
        value ?? throw new GitHubApiException(GitHubErrorKind.MalformedResponse, url, $"{where}: field '{field}' is missing or null");
}
