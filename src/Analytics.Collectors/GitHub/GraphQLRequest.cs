using System.Text.Json.Nodes;

namespace Analytics.Collectors.GitHub;

/// <summary>One GraphQL query to send: its operation name (named in errors and the archive key), text and variables.</summary>
/// <param name="Operation">The operation name, as declared in <paramref name="Text"/> (<c>query PullRequests(…)</c>).</param>
/// <param name="Text">The query document.</param>
/// <param name="Variables">The variables; every page size is one, so a server can check it without parsing the query.</param>
internal sealed record GraphQLRequest(string Operation, string Text, JsonObject Variables)
{
    /// <summary>The request body GitHub expects: <c>{"query", "operationName", "variables"}</c>.</summary>
    public byte[] ToJson() => System.Text.Encoding.UTF8.GetBytes(new JsonObject
    {
        ["query"] = Text,
        ["operationName"] = Operation,
        ["variables"] = Variables.DeepClone(),
    }.ToJsonString());

    /// <summary>The archive key of the answer: the operation and its variables, which determine it.</summary>
    public string ArchiveKey(string url) => $"POST {url} {Operation} {Variables.ToJsonString()}";
}
