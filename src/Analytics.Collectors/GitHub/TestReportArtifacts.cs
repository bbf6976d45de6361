using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Analytics.Collectors.TestReports;
using Analytics.Domain.Ci;
using Analytics.Storage;

namespace Analytics.Collectors.GitHub;

/// <summary>
/// Test reports uploaded as workflow-run artifacts (source-apis.md §1.10): lists a completed run's artifacts, downloads
/// those whose name matches <see cref="GitHubOptions.ArtifactPatterns"/>, unzips them in memory within the size limits,
/// and hands every <c>*.xml</c> and <c>*.trx</c> to <see cref="TestReportIngestor"/>. A malformed report, an expired
/// artifact or one over the limits is a warning; the sync goes on.
/// </summary>
internal sealed class TestReportArtifacts(GitHubClient client, IStore store, GitHubOptions options)
{
    private readonly TestReportIngestor _ingestor = new(store);

    /// <summary>Reads the artifacts of each completed run (its latest attempt) and ingests their reports.</summary>
    /// <returns>Reports stored.</returns>
    public async Task<int> IngestAsync(string repository, IEnumerable<WorkflowRun> runs, RepositoryCache cache, List<string> warnings, CancellationToken cancellationToken)
    {
        var stored = 0;
        var latest = runs.GroupBy(r => r.RunId).Select(g => g.MaxBy(r => r.Attempt)!).Where(r => r.Status == RunStatus.Completed);
        foreach (var run in latest)
        {
            var url = client.UrlOf($"repos/{repository}/actions/runs/{run.RunId}/artifacts?per_page={options.PageSize}");
            await foreach (var page in client.GetPagesAsync(url, cache, cancellationToken))
            {
                cache.Record(page);
                using var document = JsonDocument.Parse(page.Body);
                foreach (var artifact in document.RootElement.Items("artifacts"))
                {
                    var name = artifact.String("name") ?? "";
                    if (options.ArtifactPatterns.Any(p => GlobPattern.IsMatch(p, name)))
                    {
                        stored += await IngestArtifactAsync(repository, run, artifact, name, page.Url, warnings, cancellationToken);
                    }
                }
            }
        }

        return stored;
    }

    // A refusal of one artifact (gone, too large, not found) is a warning; a rejected token, an exhausted rate limit or
    // an unreachable GitHub would fail every other request too, and fails the repository as any request does.
    private async Task<int> IngestArtifactAsync(string repository, WorkflowRun run, JsonElement artifact, string name, string listUrl, List<string> warnings, CancellationToken cancellationToken)
    {
        var id = GitHubJson.Required(artifact.Id("id"), "id", listUrl);
        var label = $"{repository} run {run.RunId} artifact '{name}' ({id})";
        if (artifact.Bool("expired") == true)
        {
            warnings.Add($"{label}: expired (past its retention); its test reports are no longer available");
            return 0;
        }

        if (artifact.Long("size_in_bytes") is { } size && size > options.MaxArtifactBytes)
        {
            warnings.Add($"{label}: {size.ToString(CultureInfo.InvariantCulture)} bytes is over GitHub:MaxArtifactBytes ({options.MaxArtifactBytes.ToString(CultureInfo.InvariantCulture)}); not downloaded");
            return 0;
        }

        byte[] zip;
        try
        {
            zip = await client.DownloadAsync(client.UrlOf($"repos/{repository}/actions/artifacts/{id}/zip"), options.MaxArtifactBytes, cancellationToken);
        }
        catch (GitHubApiException e) when (e.Kind is GitHubErrorKind.Gone or GitHubErrorKind.TooLarge or GitHubErrorKind.NotFound or GitHubErrorKind.Refused)
        {
            warnings.Add(e.Kind == GitHubErrorKind.Gone
                ? $"{label}: expired (410 Gone); its test reports are no longer available"
                : $"{label}: {e.Message}; not ingested");
            return 0;
        }

        var reports = Extract(zip, label, warnings);
        if (reports is null)
        {
            return 0;
        }

        // The run's end is the report time for results without a timestamp: stable, so re-ingesting changes nothing.
        var metadata = new TestReportMetadata(repository, run.HeadSha, run.Branch, run.RunId, run.Attempt, name, run.FinishedAt ?? run.QueuedAt);
        var stored = 0;
        foreach (var (file, bytes) in reports)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var result = await _ingestor.IngestAsync($"{name}/{file}", stream, metadata, cancellationToken);
            if (result.Applied)
            {
                stored++;
            }
            else
            {
                warnings.Add($"{label}: report refused: {result.Error}");
            }
        }

        return stored;
    }

    // Zip bombs: the entry count and the bytes actually inflated are capped (the sizes an archive declares can lie).
    private List<(string File, byte[] Bytes)>? Extract(byte[] zip, string label, List<string> warnings)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count > options.MaxArtifactEntries)
            {
                warnings.Add($"{label}: {archive.Entries.Count.ToString(CultureInfo.InvariantCulture)} entries is over GitHub:MaxArtifactEntries ({options.MaxArtifactEntries.ToString(CultureInfo.InvariantCulture)}); not ingested");
                return null;
            }

            var reports = new List<(string, byte[])>();
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in archive.Entries)
            {
                if (!entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !entry.FullName.EndsWith(".trx", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                using var source = entry.Open();
                using var copy = new MemoryStream();
                int read;
                while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > options.MaxArtifactExtractedBytes)
                    {
                        warnings.Add($"{label}: its reports inflate to more than GitHub:MaxArtifactExtractedBytes ({options.MaxArtifactExtractedBytes.ToString(CultureInfo.InvariantCulture)} bytes); not ingested");
                        return null;
                    }

                    copy.Write(buffer, 0, read);
                }

                reports.Add((entry.FullName, copy.ToArray()));
            }

            return reports;
        }
        catch (InvalidDataException e)
        {
            warnings.Add($"{label}: not a readable zip ({e.Message}); not ingested");
            return null;
        }
    }
}
