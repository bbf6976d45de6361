using System.Globalization;
using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.People;

namespace Analytics.Collectors.Git;

/// <summary>
/// Turns the NUL-separated output of <c>git log -z --raw --numstat --format=</c><see cref="Format"/> into records, one
/// commit at a time. Each commit is a header (<see cref="HeaderFields"/> tokens, the first prefixed with U+0001), an
/// empty token, then its <c>--raw</c> entries (<c>:mode mode sha sha STATUS</c> followed by one path, or two for a
/// rename or copy), then as many <c>--numstat</c> entries (<c>added TAB deleted TAB path</c>, or
/// <c>added TAB deleted TAB</c> followed by the old and new paths), in the same order. The first raw entry carries a
/// leading newline. A commit is returned once the next header or the end of the output is reached.
/// </summary>
internal sealed class GitLogParser
{
    /// <summary>The <c>--format</c> the parser reads: sha, parents, mailmapped author and committer, strict ISO dates, body.</summary>
    public const string Format = "%x01%H%x00%P%x00%aN%x00%aE%x00%aI%x00%cN%x00%cE%x00%cI%x00%B%x00";

    /// <summary>The number of tokens in a header.</summary>
    public const int HeaderFields = 9;

    private const string SourceName = "git";
    private const char HeaderMark = '\u0001';
    private static readonly string[] DateFormats = ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss'Z'"];

    private readonly NulTokenReader _tokens;
    private readonly string _repositoryName;
    private readonly string _repositoryPath;
    private string? _nextHeader;

    /// <summary>Reads tokens from <paramref name="tokens"/> and names records with <paramref name="repositoryName"/>.</summary>
    public GitLogParser(NulTokenReader tokens, string repositoryName, string repositoryPath)
    {
        _tokens = tokens;
        _repositoryName = repositoryName;
        _repositoryPath = repositoryPath;
    }

    /// <summary>Whether the output has ended (the last record returned was completed by the end of the output).</summary>
    public bool Ended { get; private set; }

    /// <summary>The next commit, or null at the end of the output.</summary>
    /// <exception cref="GitOutputParseException">The output does not have the expected shape.</exception>
    public async ValueTask<GitCommitRecord?> ReadAsync(CancellationToken ct)
    {
        var first = _nextHeader ?? await ReadEntryStartAsync(ct);
        _nextHeader = null;
        if (first is null)
        {
            Ended = true;
            return null;
        }

        if (first[0] != HeaderMark)
        {
            throw Error("(none)", first, "expected a commit header");
        }

        var header = new string[HeaderFields];
        header[0] = first[1..];
        for (var i = 1; i < HeaderFields; i++)
        {
            header[i] = await _tokens.ReadAsync(ct)
                ?? throw Error(header[0], string.Join('|', header.Take(i)), "output ended inside the commit header");
        }

        var sha = header[0];
        if (!GitSha.IsFull(sha))
        {
            throw Error("(none)", first, "expected a full commit sha");
        }

        var raw = new List<(FileChangeKind Kind, string Path, string? OldPath)>();
        var counts = new List<(int? Added, int? Deleted, string Path, string? OldPath)>();
        while (true)
        {
            var token = await ReadEntryStartAsync(ct);
            if (token is null)
            {
                Ended = true;
                break;
            }

            if (token[0] == HeaderMark)
            {
                _nextHeader = token;
                break;
            }

            if (token[0] == ':')
            {
                raw.Add(await ReadRawAsync(sha, token, ct));
            }
            else
            {
                counts.Add(await ReadNumstatAsync(sha, token, ct));
            }
        }

        try
        {
            return Build(header, raw, counts);
        }
        catch (ArgumentException ex)
        {
            throw new GitOutputParseException(_repositoryPath, sha, ex.ParamName ?? string.Empty, ex.Message, ex);
        }
    }

    private async ValueTask<string?> ReadEntryStartAsync(CancellationToken ct)
    {
        while (await _tokens.ReadAsync(ct) is { } token)
        {
            var entry = token.StartsWith('\n') ? token[1..] : token;
            if (entry.Length > 0)
            {
                return entry;
            }
        }

        return null;
    }

    private async ValueTask<(FileChangeKind, string, string?)> ReadRawAsync(string sha, string token, CancellationToken ct)
    {
        var fields = token.Split(' ');
        if (fields.Length != 5 || fields[4].Length == 0)
        {
            throw Error(sha, token, "expected a raw entry ':mode mode sha sha status'");
        }

        var kind = fields[4][0] switch
        {
            'A' => FileChangeKind.Added,
            'M' or 'T' => FileChangeKind.Modified,
            'D' => FileChangeKind.Deleted,
            'R' => FileChangeKind.Renamed,
            'C' => FileChangeKind.Copied,
            _ => throw Error(sha, token, "unknown change status"),
        };
        var path = await ReadPathAsync(sha, token, ct);
        if (kind is FileChangeKind.Renamed or FileChangeKind.Copied)
        {
            var newPath = await ReadPathAsync(sha, token, ct);
            return (kind, newPath, path);
        }

        return (kind, path, null);
    }

    private async ValueTask<(int?, int?, string, string?)> ReadNumstatAsync(string sha, string token, CancellationToken ct)
    {
        var firstTab = token.IndexOf('\t', StringComparison.Ordinal);
        var secondTab = firstTab < 0 ? -1 : token.IndexOf('\t', firstTab + 1);
        if (secondTab < 0)
        {
            throw Error(sha, token, "expected a numstat entry 'added TAB deleted TAB path'");
        }

        var added = ParseCount(sha, token, token[..firstTab]);
        var deleted = ParseCount(sha, token, token[(firstTab + 1)..secondTab]);
        var path = token[(secondTab + 1)..];
        if (path.Length > 0)
        {
            return (added, deleted, path, null);
        }

        var oldPath = await ReadPathAsync(sha, token, ct);
        var newPath = await ReadPathAsync(sha, token, ct);
        return (added, deleted, newPath, oldPath);
    }

    private int? ParseCount(string sha, string token, string text)
    {
        if (text == "-")
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(sha, token, "expected a line count or '-'");
    }

    private async ValueTask<string> ReadPathAsync(string sha, string entry, CancellationToken ct)
    {
        var path = await _tokens.ReadAsync(ct) ?? throw Error(sha, entry, "output ended before the entry's path");
        return path.Length > 0 ? path : throw Error(sha, entry, "empty path after entry");
    }

    private GitCommitRecord Build(
        string[] header,
        List<(FileChangeKind Kind, string Path, string? OldPath)> raw,
        List<(int? Added, int? Deleted, string Path, string? OldPath)> counts)
    {
        var sha = header[0];
        if (raw.Count != counts.Count)
        {
            throw Error(sha, $"{raw.Count} raw entries, {counts.Count} numstat entries", "raw and numstat entries differ in number");
        }

        var files = new FileChange[raw.Count];
        int additions = 0, deletions = 0;
        for (var i = 0; i < raw.Count; i++)
        {
            var (kind, path, oldPath) = raw[i];
            var count = counts[i];
            if (count.Path != path || count.OldPath != oldPath)
            {
                throw Error(sha, $"raw '{oldPath}' -> '{path}', numstat '{count.OldPath}' -> '{count.Path}'", "raw and numstat entries name different files");
            }

            files[i] = new FileChange(SourceName, _repositoryName, sha, path, oldPath, kind, count.Added, count.Deleted);
            additions += count.Added ?? 0;
            deletions += count.Deleted ?? 0;
        }

        var parents = header[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var body = header[8];
        var newline = body.IndexOf('\n', StringComparison.Ordinal);
        var title = (newline < 0 ? body : body[..newline]).TrimEnd('\r');
        var commit = new Commit(
            SourceName,
            _repositoryName,
            sha,
            AuthorName: header[2],
            AuthorEmail: header[3],
            AuthoredAt: ParseDate(sha, header[4]),
            CommitterName: header[5],
            CommitterEmail: header[6],
            CommittedAt: ParseDate(sha, header[7]),
            ParentCount: parents.Length,
            Additions: additions,
            Deletions: deletions,
            Title: title);
        return new GitCommitRecord(
            commit, ValueList.From(files), ToIdentity(header[2], header[3]), ToIdentity(header[5], header[6]));
    }

    private DateTimeOffset ParseDate(string sha, string text) =>
        DateTimeOffset.TryParseExact(
            text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw Error(sha, text, "expected a strict ISO 8601 date with offset");

    /// <summary>
    /// A git account: SourceId is the e-mail lower-cased; a commit with an empty e-mail (old imports) is keyed by its
    /// name lower-cased instead, and one with neither by <c>(unknown)</c>. GitHub App and Actions accounts whose name
    /// or e-mail user ends with <c>[bot]</c> are marked as bots.
    /// </summary>
    internal static Identity ToIdentity(string name, string email)
    {
        var trimmedName = name.Trim();
        var trimmedEmail = email.Trim();
        var sourceId = trimmedEmail.Length > 0 ? trimmedEmail.ToLowerInvariant()
            : trimmedName.Length > 0 ? trimmedName.ToLowerInvariant()
            : "(unknown)";
        var at = trimmedEmail.IndexOf('@', StringComparison.Ordinal);
        var user = at < 0 ? trimmedEmail : trimmedEmail[..at];
        var isBot = trimmedName.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase)
            || user.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase);
        return new Identity(
            SourceName,
            sourceId,
            trimmedName.Length > 0 ? trimmedName : null,
            trimmedEmail.Length > 0 ? trimmedEmail : null,
            isBot,
            PersonHint: null);
    }

    private GitOutputParseException Error(string sha, string text, string problem) =>
        new(_repositoryPath, sha, text, problem);
}
