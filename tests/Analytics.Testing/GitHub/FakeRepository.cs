using System.Globalization;
using System.Text.Json.Nodes;

namespace Analytics.Testing.GitHub;

/// <summary>One repository's data in the fake GitHub, as REST payloads (shaped after source-apis.md §1.7–1.8).</summary>
public sealed class FakeRepository(long id, string fullName, string baseUrl)
{
    public long Id { get; } = id;

    public string FullName { get; set; } = fullName;

    public bool Archived { get; set; }

    public Dictionary<int, JsonObject> Pulls { get; } = [];

    public Dictionary<int, List<JsonObject>> Reviews { get; } = [];

    public Dictionary<int, List<JsonObject>> Comments { get; } = [];

    public Dictionary<int, List<JsonObject>> Commits { get; } = [];

    /// <summary>Each PR's changed files (diff entries), as <c>GET …/pulls/{n}/files</c> lists them (at most 3,000 are served).</summary>
    public Dictionary<int, List<JsonObject>> Files { get; } = [];

    /// <summary>Each run's attempts, first to latest.</summary>
    public Dictionary<long, List<JsonObject>> Runs { get; } = [];

    public Dictionary<(long Run, int Attempt), List<JsonObject>> Jobs { get; } = [];

    public List<JsonObject> Deployments { get; } = [];

    /// <summary>Issues (and pull requests as the issues listing shows them), by number.</summary>
    public Dictionary<int, JsonObject> Issues { get; } = [];

    /// <summary>Each run's artifacts (metadata as listed).</summary>
    public Dictionary<long, List<JsonObject>> Artifacts { get; } = [];

    /// <summary>Each artifact's zip; an artifact without one answers 410 Gone.</summary>
    public Dictionary<long, byte[]> ArtifactZips { get; } = [];

    /// <summary>Each deployment's statuses, oldest first.</summary>
    public Dictionary<long, List<JsonObject>> Statuses { get; } = [];

    private long _nextId = id * 100_000;

    public static JsonObject User(string login, bool bot = false) => new()
    {
        ["login"] = login,
        ["id"] = Math.Abs(login.GetHashCode(StringComparison.Ordinal)),
        ["type"] = bot ? "Bot" : "User",
    };

    public JsonObject Json() => new()
    {
        ["id"] = Id,
        ["node_id"] = $"R_{Id}",
        ["full_name"] = FullName,
        ["name"] = FullName.Split('/')[1],
        ["default_branch"] = "main",
        ["html_url"] = $"https://github.example/{FullName}",
        ["archived"] = Archived,
        ["created_at"] = "2025-01-01T00:00:00Z",
        ["url"] = $"{baseUrl}repos/{FullName}",
    };

    /// <summary>Adds (or replaces) a pull request with one review, one comment and one commit unless told otherwise.</summary>
    public JsonObject AddPull(int number, DateTimeOffset createdAt, DateTimeOffset updatedAt, string author = "alice", bool merged = false, int reviews = 1, int comments = 1, int commits = 1, int files = 2)
    {
        var pull = new JsonObject
        {
            ["id"] = Id * 1000 + number,
            ["node_id"] = $"PR_{number}",
            ["number"] = number,
            ["state"] = merged ? "closed" : "open",
            ["title"] = $"Change {number}",
            ["user"] = User(author),
            ["body"] = null,
            ["labels"] = new JsonArray(new JsonObject { ["name"] = "feature" }),
            ["created_at"] = Iso(createdAt),
            ["updated_at"] = Iso(updatedAt),
            ["closed_at"] = merged ? Iso(updatedAt) : null,
            ["merged_at"] = merged ? Iso(updatedAt) : null,
            ["merge_commit_sha"] = merged ? Sha(number + 9000) : null,
            ["draft"] = false,
            ["head"] = new JsonObject { ["ref"] = $"feature/{number}", ["sha"] = Sha(number) },
            ["base"] = new JsonObject { ["ref"] = "main", ["sha"] = Sha(0) },
            ["additions"] = 10 * number,
            ["deletions"] = number,
            ["changed_files"] = files,
        };
        Pulls[number] = pull;
        // The first file is modified, the second renamed, the rest added; every fifth is binary (no patch, 0 lines).
        Files[number] = Enumerable.Range(1, files).Select(i => new JsonObject
        {
            ["sha"] = i % 7 == 0 ? null : Sha(number * 1000 + i),
            ["filename"] = $"src/pr{number}/file{i}.cs",
            ["status"] = i switch { 1 => "modified", 2 => "renamed", _ => "added" },
            ["additions"] = i % 5 == 0 ? 0 : i * 3,
            ["deletions"] = i % 5 == 0 ? 0 : i,
            ["changes"] = i % 5 == 0 ? 0 : i * 4,
            ["previous_filename"] = i == 2 ? $"src/pr{number}/old{i}.cs" : null,
        }).ToList();
        Reviews[number] = Enumerable.Range(1, reviews).Select(i => new JsonObject
        {
            ["id"] = NextId(),
            ["user"] = i % 2 == 0 ? User("renovate[bot]", bot: true) : User("bob"),
            ["state"] = "APPROVED",
            ["submitted_at"] = Iso(createdAt.AddHours(i)),
            ["commit_id"] = Sha(number),
        }).ToList();
        Comments[number] = Enumerable.Range(1, comments).Select(i => new JsonObject
        {
            ["id"] = NextId(),
            ["pull_request_review_id"] = null,
            ["user"] = User("bob"),
            ["path"] = "src/app.cs",
            ["line"] = null,
            ["created_at"] = Iso(createdAt.AddMinutes(i)),
            ["updated_at"] = Iso(createdAt.AddMinutes(i)),
        }).ToList();
        Commits[number] = Enumerable.Range(1, commits).Select(i => new JsonObject
        {
            ["sha"] = Sha(number * 100 + i),
            // Linked accounts may be null or {} (source-apis.md §0): alternate the three shapes.
            ["author"] = (i % 3) switch { 1 => User(author), 2 => null, _ => new JsonObject() },
            ["commit"] = new JsonObject { ["author"] = new JsonObject { ["name"] = author, ["email"] = $"{author}@example.com", ["date"] = Iso(createdAt.AddMinutes(-i)) } },
        }).ToList();
        return pull;
    }

    /// <summary>Adds a completed workflow run with <paramref name="attempts"/> attempts, each with two jobs of two steps.</summary>
    public long AddRun(DateTimeOffset createdAt, int attempts = 1, string conclusion = "success")
    {
        var runId = NextId();
        var list = new List<JsonObject>();
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var started = createdAt.AddMinutes(10 * (attempt - 1));
            list.Add(new JsonObject
            {
                ["id"] = runId,
                ["name"] = "build",
                ["path"] = ".github/workflows/build.yml@main",
                ["head_branch"] = "main",
                ["head_sha"] = Sha((int)(runId % 1000)),
                ["run_number"] = runId % 1000,
                ["run_attempt"] = attempt,
                ["event"] = "push",
                ["status"] = "completed",
                ["conclusion"] = attempt == attempts ? conclusion : "failure",
                ["created_at"] = Iso(createdAt),
                ["updated_at"] = Iso(started.AddMinutes(5)),
                ["run_started_at"] = Iso(started),
                ["html_url"] = $"https://github.example/{FullName}/actions/runs/{runId}",
                ["actor"] = User("alice"),
                ["triggering_actor"] = User("github-actions[bot]", bot: true),
                ["previous_attempt_url"] = attempt > 1 ? $"{baseUrl}repos/{FullName}/actions/runs/{runId}/attempts/{attempt - 1}" : null,
            });
            Jobs[(runId, attempt)] = Enumerable.Range(1, 2).Select(j => new JsonObject
            {
                ["id"] = NextId(),
                ["run_id"] = runId,
                ["run_attempt"] = attempt,
                ["name"] = $"test ({j})",
                ["status"] = "completed",
                ["conclusion"] = "success",
                ["created_at"] = Iso(started),
                ["started_at"] = Iso(started.AddSeconds(30)),
                ["completed_at"] = Iso(started.AddMinutes(4)),
                ["labels"] = new JsonArray("ubuntu-latest"),
                ["runner_name"] = "GitHub Actions 7",
                ["steps"] = new JsonArray(
                    new JsonObject { ["name"] = "checkout", ["status"] = "completed", ["conclusion"] = "success", ["number"] = 1, ["started_at"] = Iso(started.AddSeconds(30)), ["completed_at"] = Iso(started.AddSeconds(40)) },
                    new JsonObject { ["name"] = "test", ["status"] = "completed", ["conclusion"] = "success", ["number"] = 2, ["started_at"] = Iso(started.AddSeconds(40)), ["completed_at"] = Iso(started.AddMinutes(4)) }),
            }).ToList();
        }

        Runs[runId] = list;
        return runId;
    }

    /// <summary>Adds a deployment with the given statuses (oldest first).</summary>
    public long AddDeployment(DateTimeOffset createdAt, params string[] states)
    {
        var id = NextId();
        Deployments.Add(new JsonObject
        {
            ["id"] = id,
            ["sha"] = Sha((int)(id % 1000)),
            ["ref"] = "main",
            ["environment"] = "production",
            ["creator"] = User("deployer"),
            ["created_at"] = Iso(createdAt),
            ["updated_at"] = Iso(createdAt),
        });
        Statuses[id] = states.Select((s, i) => new JsonObject
        {
            ["id"] = NextId(),
            ["state"] = s,
            ["creator"] = User("deployer"),
            ["created_at"] = Iso(createdAt.AddMinutes(i + 1)),
        }).ToList();
        return id;
    }

    /// <summary>Adds (or replaces) an issue; <paramref name="pullRequest"/> makes it a pull request as the issues listing shows one.</summary>
    public JsonObject AddIssue(int number, DateTimeOffset createdAt, DateTimeOffset updatedAt, string[] labels, DateTimeOffset? closedAt = null, string[]? assignees = null, bool pullRequest = false)
    {
        var issue = new JsonObject
        {
            ["id"] = Id * 10_000 + number,
            ["number"] = number,
            ["title"] = $"Issue {number}",
            ["state"] = closedAt is null ? "open" : "closed",
            ["state_reason"] = closedAt is null ? null : "completed",
            ["user"] = User("alice"),
            ["labels"] = new JsonArray(labels.Select(l => (JsonNode)new JsonObject { ["name"] = l, ["color"] = "d73a4a" }).ToArray()),
            ["assignees"] = new JsonArray((assignees ?? []).Select(a => (JsonNode)User(a)).ToArray()),
            ["created_at"] = Iso(createdAt),
            ["updated_at"] = Iso(updatedAt),
            ["closed_at"] = closedAt is { } c ? Iso(c) : null,
            ["html_url"] = $"https://github.example/{FullName}/issues/{number}",
        };
        if (pullRequest)
        {
            issue["pull_request"] = new JsonObject { ["url"] = $"{baseUrl}repos/{FullName}/pulls/{number}" };
        }

        Issues[number] = issue;
        return issue;
    }

    /// <summary>Adds an artifact to a run holding <paramref name="files"/> (name → text), zipped.</summary>
    public long AddArtifact(long runId, string name, IReadOnlyDictionary<string, string> files, bool expired = false, bool gone = false)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (file, text) in files)
            {
                using var entry = new StreamWriter(zip.CreateEntry(file).Open());
                entry.Write(text);
            }
        }

        return AddArtifactZip(runId, name, buffer.ToArray(), expired, gone);
    }

    /// <summary>Adds an artifact with the given bytes as its zip (<paramref name="gone"/>: listed, but the download answers 410).</summary>
    public long AddArtifactZip(long runId, string name, byte[] zip, bool expired = false, bool gone = false)
    {
        var id = NextId();
        if (!Artifacts.TryGetValue(runId, out var list))
        {
            Artifacts[runId] = list = [];
        }

        list.Add(new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["size_in_bytes"] = zip.Length,
            ["expired"] = expired,
            ["archive_download_url"] = $"{baseUrl}repos/{FullName}/actions/artifacts/{id}/zip",
            ["created_at"] = "2026-11-14T12:00:00Z",
            ["expires_at"] = "2027-02-12T12:00:00Z",
            ["workflow_run"] = new JsonObject { ["id"] = runId },
        });
        if (!expired && !gone)
        {
            ArtifactZips[id] = zip;
        }

        return id;
    }

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Sha(int seed) => seed.ToString("x8", CultureInfo.InvariantCulture).PadLeft(40, 'a');

    private long NextId() => Interlocked.Increment(ref _nextId);
}
