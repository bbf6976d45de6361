using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Analytics.Testing.GitHub;

/// <summary>
/// <c>POST /graphql</c> from the same in-memory data as REST (source-apis.md §1.11). Queries are recognised by their
/// operation name and read through their variables (every page size is a variable), not parsed (the batched
/// <c>PullRequestFollowUps</c> is read through its aliases, each found with a pattern naming its variables); what GitHub enforces
/// is enforced: <c>first</c> 1–100, cursors, the cost formula on the <c>graphql</c> bucket (headers and
/// <c>rateLimit</c>), the 500,000-node limit, errors with HTTP 200, and a "too heavy" threshold above which a query
/// answers 502 as GitHub does after 10 s.
/// </summary>
public sealed partial class FakeGitHubServer
{
    /// <summary>GitHub's node limit per query.</summary>
    public const long NodeLimit = 500_000;

    private int _graphQLRemaining = 5000;
    private readonly ConcurrentDictionary<int, int> _graphQLErrors = new();
    private readonly ConcurrentDictionary<string, int> _graphQLBadGateways = new(StringComparer.Ordinal);

    /// <summary>The <c>graphql</c> bucket's points per hour.</summary>
    public int GraphQLLimit { get; set; } = 5000;

    /// <summary>Points left in the <c>graphql</c> bucket.</summary>
    public int GraphQLRemaining
    {
        get => Volatile.Read(ref _graphQLRemaining);
        set => Volatile.Write(ref _graphQLRemaining, value);
    }

    /// <summary>Points charged to the <c>graphql</c> bucket.</summary>
    public int GraphQLCharged => GraphQLLimit - GraphQLRemaining;

    /// <summary>A query with more nodes than this answers 502 (GitHub's 10 s kill); default: never.</summary>
    public long HeavyNodes { get; set; } = long.MaxValue;

    /// <summary>Every GraphQL query: operation, variables, status, points charged, nodes asked for.</summary>
    public ConcurrentQueue<(string Operation, JsonObject Variables, int Status, int Cost, long Nodes)> GraphQLLog { get; } = new();

    /// <summary>Every pull request served in a <c>PullRequests</c> page, as <c>owner/name#number</c>.</summary>
    public ConcurrentQueue<string> GraphQLServed { get; } = new();

    /// <summary>A <c>PullRequests</c> page holding pull request <paramref name="number"/> answers 200 with an error, <paramref name="times"/> times.</summary>
    public void GraphQLErrorFor(int number, int times = 1) => _graphQLErrors[number] = times;

    /// <summary>The next <paramref name="times"/> queries named <paramref name="operation"/> answer 502, as GitHub does when it gives up after 10 s.</summary>
    public void GraphQLBadGatewayFor(string operation, int times = 1) => _graphQLBadGateways[operation] = times;

    private void GraphQLRateHeaders(HttpListenerResponse response, bool charge) => GraphQLCharge(response, charge ? 1 : 0);

    private int GraphQLCharge(HttpListenerResponse response, int cost)
    {
        var remaining = cost == 0 ? GraphQLRemaining : Math.Max(0, Interlocked.Add(ref _graphQLRemaining, -cost));
        response.Headers["x-ratelimit-limit"] = GraphQLLimit.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-used"] = (GraphQLLimit - remaining).ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-reset"] = Reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-resource"] = "graphql";
        return remaining;
    }

    private int AnswerGraphQL(HttpListenerRequest request, HttpListenerResponse response)
    {
        JsonObject? body;
        try
        {
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            body = JsonNode.Parse(reader.ReadToEnd()) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }

        if (body?["query"] is null)
        {
            return Error(response, 400, "Problems parsing JSON");
        }

        var operation = (string?)body["operationName"] ?? "";
        var variables = body["variables"] as JsonObject ?? [];
        Answer answer;
        try
        {
            answer = operation switch
            {
                "PullRequests" => PullRequestsPage(variables),
                "PullRequestFollowUps" => FollowUps((string)body["query"]!, variables),
                _ => Answer.Failed("undefinedOperation", $"No operation named '{operation}'", []),
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            answer = Answer.Failed("EXCESSIVE_PAGINATION", e.Message, []);
        }

        if (answer.Nodes > NodeLimit)
        {
            answer = Answer.Failed("MAX_NODE_LIMIT_EXCEEDED", $"This query requests up to {answer.Nodes} possible nodes which exceeds the maximum limit of {NodeLimit}.", []);
        }

        int status;
        if (answer.Nodes > HeavyNodes || TakeBadGateway(operation))
        {
            // GitHub stops a query after 10 s: the points are spent and the answer is a 502.
            GraphQLCharge(response, answer.Cost);
            status = Write(response, 502, Encoding.UTF8.GetBytes("<html>502 Bad Gateway: We couldn't respond to your request in time.</html>"));
        }
        else if (answer.Error is not null)
        {
            GraphQLCharge(response, 1);
            status = Write(response, 200, Encoding.UTF8.GetBytes(new JsonObject { ["data"] = null, ["errors"] = new JsonArray(answer.Error) }.ToJsonString()));
        }
        else if (GraphQLRemaining < answer.Cost)
        {
            // The primary limit: HTTP 200, an error, and the bucket at zero.
            GraphQLRemaining = 0;
            GraphQLCharge(response, 0);
            status = Write(response, 200, Encoding.UTF8.GetBytes(new JsonObject
            {
                ["data"] = null,
                ["errors"] = new JsonArray(new JsonObject { ["type"] = "RATE_LIMITED", ["message"] = "API rate limit exceeded for user ID 1." }),
            }.ToJsonString()));
        }
        else
        {
            var remaining = GraphQLCharge(response, answer.Cost);
            answer.Data!["rateLimit"] = new JsonObject { ["cost"] = answer.Cost, ["remaining"] = remaining, ["resetAt"] = FakeRepository.Iso(Reset) };
            status = Write(response, 200, Encoding.UTF8.GetBytes(new JsonObject { ["data"] = answer.Data }.ToJsonString()));
        }

        GraphQLLog.Enqueue((operation, variables, status, answer.Cost, answer.Nodes));
        return status;
    }

    private bool TakeBadGateway(string operation)
    {
        while (_graphQLBadGateways.TryGetValue(operation, out var left) && left > 0)
        {
            if (_graphQLBadGateways.TryUpdate(operation, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }

    private Answer PullRequestsPage(JsonObject variables)
    {
        var first = First(variables, "first", "pullRequests");
        var sizes = new NestedSizes(First(variables, "labels", "labels"), First(variables, "reviews", "reviews"), First(variables, "threads", "reviewThreads"),
            First(variables, "comments", "comments"), First(variables, "commits", "commits"), First(variables, "files", "files"));
        // Connections: the page, five per pull request, and one per review thread (source-apis.md §1.11).
        var cost = Cost(1 + first * 5L + first * (long)sizes.Threads);
        var nodes = first * (1L + sizes.Labels + sizes.Reviews + sizes.Threads + sizes.Threads * (long)sizes.Comments + sizes.Commits + sizes.Files);
        if (Find(variables) is not { } repository)
        {
            return NotFound(variables, cost, nodes);
        }

        lock (repository)
        {
            var ordered = repository.Pulls.Values
                .Select(p => (Updated: (string)p["updated_at"]!, Number: (int)p["number"]!, Pull: p))
                .OrderByDescending(p => p.Updated, StringComparer.Ordinal).ThenByDescending(p => p.Number)
                .ToList();
            var start = 0;
            if ((string?)variables["cursor"] is { } cursor)
            {
                // Keyset cursors, as GitHub's: a pull request updated meanwhile moves above the cursor, none is skipped.
                var (updated, number) = DecodeKey(cursor);
                start = ordered.FindIndex(p => string.CompareOrdinal(p.Updated, updated) < 0 || (p.Updated == updated && p.Number < number));
                start = start < 0 ? ordered.Count : start;
            }

            var page = ordered.Skip(start).Take(first).ToList();
            foreach (var (_, number, _) in page)
            {
                if (_graphQLErrors.TryGetValue(number, out var left) && left > 0)
                {
                    _graphQLErrors[number] = left - 1;
                    return Answer.Failed("INTERNAL", $"Something broke resolving pull request {number}", ["repository", "pullRequests", "nodes", page.FindIndex(p => p.Number == number)]) with { Cost = cost, Nodes = nodes };
                }
            }

            foreach (var (_, number, _) in page)
            {
                GraphQLServed.Enqueue($"{repository.FullName}#{number}");
            }

            var last = page.Count > 0 ? page[^1] : default;
            var connection = new JsonObject
            {
                ["pageInfo"] = new JsonObject
                {
                    ["hasNextPage"] = start + page.Count < ordered.Count,
                    ["endCursor"] = page.Count > 0 ? EncodeKey(last.Updated, last.Number) : null,
                },
                ["nodes"] = new JsonArray(page.Select(p => (JsonNode)PullNode(repository, p.Pull, sizes)).ToArray()),
            };
            return new Answer(new JsonObject { ["repository"] = new JsonObject { ["pullRequests"] = connection } }, null, cost, nodes);
        }
    }

    // The batched follow-ups: each alias is a pullRequest(number:) under the repository with one nested connection, or
    // a node(id:) with a review thread's comments; its variables are found through the names the query gives them.
    private Answer FollowUps(string query, JsonObject variables)
    {
        var pulls = PullAlias().Matches(query);
        var threads = ThreadAlias().Matches(query);
        var data = new JsonObject();
        long connections = 0, nodes = 0;
        var comments = pulls.Any(m => m.Groups["connection"].Value == "reviewThreads") ? First(variables, "comments", "comments") : 0;
        var parts = new List<(string Alias, Func<JsonObject?> Resolve, JsonNode?[] Path)>();
        foreach (Match match in pulls)
        {
            var alias = match.Groups["alias"].Value;
            var connectionName = match.Groups["connection"].Value;
            var first = First(variables, match.Groups["first"].Value, connectionName);
            var nested = connectionName == "reviewThreads" ? comments : 0;
            // One request for the connection, and one per thread for the comments nested in it (source-apis.md §1.11).
            connections += 1 + (connectionName == "reviewThreads" ? first : 0L);
            nodes += first * (1L + nested);
            var number = (int?)variables[match.Groups["number"].Value] ?? 0;
            var cursor = (string?)variables[match.Groups["after"].Value];
            parts.Add((alias, () =>
            {
                var repository = Find(variables)!;
                lock (repository)
                {
                    return repository.Pulls.TryGetValue(number, out var pull)
                        ? new JsonObject { [connectionName] = Connection(Nested(repository, pull, connectionName, nested), first, cursor) }
                        : null;
                }
            }, ["repository", alias]));
        }

        foreach (Match match in threads)
        {
            var alias = match.Groups["alias"].Value;
            var first = First(variables, match.Groups["first"].Value, "comments");
            connections += 1;
            nodes += first;
            var id = (string?)variables[match.Groups["id"].Value] ?? "";
            var cursor = (string?)variables[match.Groups["after"].Value];
            parts.Add((alias, () => ThreadById(id) is { } thread ? new JsonObject { ["comments"] = Connection(thread.Select(c => (JsonNode)CommentNode(c)).ToList(), first, cursor) } : null, [alias]));
        }

        var cost = Cost(connections);
        if (pulls.Count > 0 && Find(variables) is null)
        {
            return NotFound(variables, cost, nodes);
        }

        var repositoryData = new JsonObject();
        foreach (var (alias, resolve, path) in parts)
        {
            if (resolve() is not { } result)
            {
                return Answer.Failed("NOT_FOUND", $"Could not resolve {alias}.", path) with { Cost = cost, Nodes = nodes };
            }

            (path.Length == 2 ? repositoryData : data)[alias] = result;
        }

        if (pulls.Count > 0)
        {
            data["repository"] = repositoryData;
        }

        return parts.Count == 0
            ? Answer.Failed("undefinedOperation", "PullRequestFollowUps asks for nothing", [])
            : new Answer(data, null, cost, nodes);
    }

    private List<JsonObject>? ThreadById(string id)
    {
        foreach (var repository in _repositories.Values)
        {
            lock (repository)
            {
                foreach (var thread in repository.Comments.Values.SelectMany(Threads))
                {
                    if (ThreadId(thread[0]) == id)
                    {
                        return thread;
                    }
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<alias>\w+): pullRequest\(number: \$(?<number>\w+)\) \{ (?<connection>\w+)\(first: \$(?<first>\w+), after: \$(?<after>\w+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex PullAlias();

    [GeneratedRegex(@"(?<alias>\w+): node\(id: \$(?<id>\w+)\) \{ \.\.\. on PullRequestReviewThread \{ comments\(first: \$(?<first>\w+), after: \$(?<after>\w+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex ThreadAlias();

    private FakeRepository? Find(JsonObject variables) =>
        _repositories.TryGetValue($"{(string?)variables["owner"]}/{(string?)variables["name"]}", out var repository) ? repository : null;

    private static Answer NotFound(JsonObject variables, int cost, long nodes) =>
        Answer.Failed("NOT_FOUND", $"Could not resolve to a Repository with the name '{(string?)variables["owner"]}/{(string?)variables["name"]}'.", ["repository"]) with { Cost = cost, Nodes = nodes };

    private static int First(JsonObject variables, string variable, string connection)
    {
        var value = variables[variable] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 0;
        if (value is < 1 or > 100)
        {
            throw new ArgumentException($"Requesting {value} records on the `{connection}` connection is outside the `first` limit of 1 to 100 records.");
        }

        return value;
    }

    // The cost formula: requests needed if every `first` were filled, over 100, rounded, at least 1.
    private static int Cost(long connections) => (int)Math.Max(1, Math.Round(connections / 100.0, MidpointRounding.AwayFromZero));

    private static JsonObject PullNode(FakeRepository repository, JsonObject pull, NestedSizes sizes)
    {
        var merged = pull["merged_at"] is not null;
        var number = (int)pull["number"]!;
        return new JsonObject
        {
            ["number"] = number,
            ["title"] = (string?)pull["title"],
            ["state"] = merged ? "MERGED" : (string?)pull["state"] == "closed" ? "CLOSED" : "OPEN",
            ["isDraft"] = (bool?)pull["draft"] ?? false,
            ["createdAt"] = (string?)pull["created_at"],
            ["updatedAt"] = (string?)pull["updated_at"],
            ["closedAt"] = (string?)pull["closed_at"],
            ["mergedAt"] = (string?)pull["merged_at"],
            ["additions"] = (int?)pull["additions"] ?? 0,
            ["deletions"] = (int?)pull["deletions"] ?? 0,
            ["changedFiles"] = (int?)pull["changed_files"] ?? 0,
            ["baseRefName"] = (string?)pull["base"]?["ref"],
            ["headRefName"] = (string?)pull["head"]?["ref"],
            ["author"] = Actor(pull["user"]),
            ["mergeCommit"] = merged && pull["merge_commit_sha"] is { } sha ? new JsonObject { ["oid"] = (string?)sha } : null,
            ["labels"] = Connection(Nested(repository, pull, "labels", 0), sizes.Labels, null),
            ["reviews"] = Connection(Nested(repository, pull, "reviews", 0), sizes.Reviews, null),
            ["reviewThreads"] = Connection(Nested(repository, pull, "reviewThreads", sizes.Comments), sizes.Threads, null),
            ["commits"] = Connection(Nested(repository, pull, "commits", 0), sizes.Commits, null),
            ["files"] = Connection(Nested(repository, pull, "files", 0), sizes.Files, null),
        };
    }

    private static List<JsonNode> Nested(FakeRepository repository, JsonObject pull, string connection, int comments)
    {
        var number = (int)pull["number"]!;
        return connection switch
        {
            "labels" => ((JsonArray?)pull["labels"] ?? []).Select(l => (JsonNode)new JsonObject { ["name"] = (string?)l!["name"] }).ToList(),
            "reviews" => repository.Reviews.GetValueOrDefault(number, []).Select(r => (JsonNode)new JsonObject
            {
                ["fullDatabaseId"] = Id(r["id"]),
                ["state"] = (string?)r["state"],
                ["submittedAt"] = (string?)r["submitted_at"],
                ["author"] = Actor(r["user"]),
            }).ToList(),
            "reviewThreads" => Threads(repository.Comments.GetValueOrDefault(number, [])).Select(thread => (JsonNode)new JsonObject
            {
                ["id"] = ThreadId(thread[0]),
                ["comments"] = Connection(thread.Select(c => (JsonNode)CommentNode(c)).ToList(), comments, null),
            }).ToList(),
            "commits" => repository.Commits.GetValueOrDefault(number, []).Select(c => (JsonNode)new JsonObject
            {
                ["commit"] = new JsonObject
                {
                    ["oid"] = (string?)c["sha"],
                    ["authoredDate"] = (string?)c["commit"]?["author"]?["date"],
                    // GitActor.user is a User: an unlinked author ({} or null) and a bot have none.
                    ["author"] = new JsonObject { ["user"] = c["author"]?["login"] is { } login && (string?)c["author"]?["type"] != "Bot" ? new JsonObject { ["login"] = (string?)login } : null },
                },
            }).ToList(),
            // GitHub lists at most 3,000 files of a pull request, here as in REST.
            "files" => repository.Files.GetValueOrDefault(number, []).Take(3000).Select(f => (JsonNode)new JsonObject
            {
                ["path"] = (string?)f["filename"],
                ["additions"] = (int?)f["additions"] ?? 0,
                ["deletions"] = (int?)f["deletions"] ?? 0,
                ["changeType"] = (string?)f["status"] switch
                {
                    "added" => "ADDED",
                    "removed" => "DELETED",
                    "renamed" => "RENAMED",
                    "copied" => "COPIED",
                    "modified" or "unchanged" => "MODIFIED",
                    "changed" => "CHANGED",
                    var other => other,
                },
            }).ToList(),
            _ => throw new ArgumentException($"unknown connection {connection}"),
        };
    }

    // Review comments grouped as GitHub shows them: each top-level comment with its replies, in order.
    private static IEnumerable<List<JsonObject>> Threads(List<JsonObject> comments) =>
        comments.GroupBy(c => (long?)c["in_reply_to_id"] ?? (long)c["id"]!).Select(g => g.ToList());

    private static string ThreadId(JsonObject root) => $"PRRT_{(long)root["id"]!}";

    private static JsonObject CommentNode(JsonObject comment) => new()
    {
        ["fullDatabaseId"] = Id(comment["id"]),
        ["createdAt"] = (string?)comment["created_at"],
        ["path"] = (string?)comment["path"],
        ["author"] = Actor(comment["user"]),
        ["replyTo"] = comment["in_reply_to_id"] is { } reply ? new JsonObject { ["fullDatabaseId"] = Id(reply) } : null,
        ["pullRequestReview"] = comment["pull_request_review_id"] is { } review ? new JsonObject { ["fullDatabaseId"] = Id(review) } : null,
    };

    // fullDatabaseId is a BigInt, sent as a string.
    private static string? Id(JsonNode? id) => id is null ? null : ((long)id).ToString(CultureInfo.InvariantCulture);

    // GraphQL names a bot without the "[bot]" REST shows.
    private static JsonObject? Actor(JsonNode? user)
    {
        if (user?["login"] is not { } login)
        {
            return null;
        }

        var bot = (string?)user["type"] == "Bot";
        var name = (string)login!;
        return new JsonObject { ["__typename"] = bot ? "Bot" : "User", ["login"] = bot ? name.Replace("[bot]", "", StringComparison.Ordinal) : name };
    }

    private static JsonObject Connection(List<JsonNode> items, int first, string? after)
    {
        var offset = after is null ? 0 : DecodeOffset(after);
        var page = items.Skip(offset).Take(first).ToList();
        return new JsonObject
        {
            ["totalCount"] = items.Count,
            ["pageInfo"] = new JsonObject
            {
                ["hasNextPage"] = offset + page.Count < items.Count,
                ["endCursor"] = page.Count > 0 ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{offset + page.Count}")) : after,
            },
            ["nodes"] = new JsonArray(page.Select(n => n.DeepClone()).ToArray()),
        };
    }

    private static int DecodeOffset(string cursor)
    {
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        return text.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(text["offset:".Length..], CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"`{cursor}` does not appear to be a valid cursor.");
    }

    private static string EncodeKey(string updated, int number) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"cursor:v2:{updated}|{number}"));

    private static (string Updated, int Number) DecodeKey(string cursor)
    {
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        var parts = text.StartsWith("cursor:v2:", StringComparison.Ordinal) ? text["cursor:v2:".Length..].Split('|') : [];
        return parts.Length == 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var number)
            ? (parts[0], number)
            : throw new ArgumentException($"`{cursor}` does not appear to be a valid cursor.");
    }

    private sealed record NestedSizes(int Labels, int Reviews, int Threads, int Comments, int Commits, int Files);

    private sealed record Answer(JsonObject? Data, JsonObject? Error, int Cost, long Nodes)
    {
        public static Answer Failed(string type, string message, JsonNode?[] path) =>
            new(null, new JsonObject { ["type"] = type, ["message"] = message, ["path"] = new JsonArray(path), ["locations"] = new JsonArray() }, 1, 0);
    }
}
