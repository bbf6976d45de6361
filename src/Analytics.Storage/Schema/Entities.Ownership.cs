using Analytics.Domain.Code;

namespace Analytics.Storage.Schema;

public static partial class Entities
{
    /// <summary>
    /// The truck factor's authorship ledgers as of a watermark, one per repository and variant (migration 14). A cache
    /// the ownership signal writes and rebuilds from history whenever it does not fit, so it is left out of
    /// <see cref="All"/>: neither imported nor exported.
    /// </summary>
    public static EntityMap<AuthorshipSnapshot> AuthorshipSnapshots { get; } =
        new EntityMapBuilder<AuthorshipSnapshot>("authorship-snapshots", "authorship_snapshots", "The truck factor's authorship ledgers as of a watermark (a cache, rebuilt from history).")
            .Key("repository", r => r.Repository, "The repository's full name.")
            .Key("variant", r => r.Variant, "What the ledger depends on besides the history, and its format version.")
            .Text("watermark_sha", r => r.WatermarkSha, "The last commit applied.")
            .Instant("watermark_at", r => r.WatermarkAt, "That commit's commit time: every commit committed up to it is in the ledger.")
            .Instant("high_water", r => r.HighWater, "The latest `changed_at` of the commits and file changes read.")
            .Int("commit_rows", r => r.CommitRows, "The repository's commit rows when read.")
            .Int("file_rows", r => r.FileRows, "The repository's file-change rows when read.")
            .Text("state", r => r.State, "The ledger, compressed and base64-encoded.")
            .Build(r => new AuthorshipSnapshot(
                r.Text("repository"), r.Text("variant"), r.Text("watermark_sha"), r.Instant("watermark_at"),
                r.Instant("high_water"), r.Int("commit_rows"), r.Int("file_rows"), r.Text("state")));
}
