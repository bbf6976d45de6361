using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.People;

namespace Analytics.Collectors.Git;

/// <summary>
/// One commit read from a local clone, with the files it changed and the git accounts of its author and committer.
/// Equality is by value (the file list compares by content).
/// </summary>
/// <param name="Commit">The commit (Source <c>git</c>); its additions and deletions are the sums of <paramref name="Files"/>.</param>
/// <param name="Files">
/// The files it changed, in git's order (Source <c>git</c>); empty for a merge commit, whose changes are attributed to the
/// commits that made them.
/// </param>
/// <param name="Author">The author's account: Source <c>git</c>, SourceId the e-mail lower-cased (after <c>.mailmap</c>).</param>
/// <param name="Committer">The committer's account, built the same way.</param>
public sealed record GitCommitRecord(
    Commit Commit,
    ValueList<FileChange> Files,
    Identity Author,
    Identity Committer);
