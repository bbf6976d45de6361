using Analytics.Domain.Code;

namespace Analytics.Signals.Ownership;

/// <summary>
/// One commit as the authorship ledger needs it: who wrote it, when, and which files it changed. Both inputs (a local
/// clone read by the git collector, and the store's <c>commits</c> + <c>file_changes</c>) are turned into this.
/// </summary>
/// <param name="Sha">The commit's hash (for error messages only).</param>
/// <param name="Account">
/// The author's git account: the e-mail lower-cased, as the git collector keys <see cref="Domain.People.Identity"/>
/// (see <see cref="AccountOf"/>).
/// </param>
/// <param name="AuthorName">The author's name as recorded (after <c>.mailmap</c>); used to merge aliases by name.</param>
/// <param name="AuthoredAt">When it was written: the age used by the recency-decay variant.</param>
/// <param name="CommittedAt">When it was committed: orders deletions against additions of a path.</param>
/// <param name="Files">The files it changed; empty for a merge commit.</param>
public sealed record AuthoredCommit(
    string Sha,
    string Account,
    string AuthorName,
    DateTimeOffset AuthoredAt,
    DateTimeOffset CommittedAt,
    IReadOnlyList<FileChange> Files)
{
    /// <summary>
    /// The git account of an author, built as the git collector builds <see cref="Domain.People.Identity.SourceId"/>:
    /// the e-mail lower-cased; the name lower-cased when the e-mail is empty; <c>(unknown)</c> when both are.
    /// </summary>
    public static string AccountOf(string? name, string? email)
    {
        var trimmedEmail = (email ?? "").Trim();
        var trimmedName = (name ?? "").Trim();
        return trimmedEmail.Length > 0 ? trimmedEmail.ToLowerInvariant()
            : trimmedName.Length > 0 ? trimmedName.ToLowerInvariant()
            : "(unknown)";
    }
}
