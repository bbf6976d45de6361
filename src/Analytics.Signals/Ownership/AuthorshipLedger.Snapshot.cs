using System.IO.Compression;
using System.Text;

namespace Analytics.Signals.Ownership;

/// <summary>The ledger's state written to and read from a snapshot (<see cref="LedgerSnapshots"/>).</summary>
public sealed partial class AuthorshipLedger
{
    /// <summary>The format of <see cref="ExportState"/>; a snapshot in another is ignored and rebuilt.</summary>
    internal const int StateFormat = 1;

    // "TFL" and a format byte, so that bytes of something else are told apart before anything is allocated for them.
    private const int StateMagic = 0x54464C00 | StateFormat;

    /// <summary>The last commit added: the latest by commit time, then by hash; null before any.</summary>
    internal (DateTimeOffset At, string Sha)? LastCommit { get; private set; }

    /// <summary>Counts one commit and moves <see cref="LastCommit"/> to it when it is later.</summary>
    private void Counted(string sha, DateTimeOffset committedAt)
    {
        Commits++;
        if (LastCommit is not { } last || committedAt > last.At || (committedAt == last.At && string.CompareOrdinal(sha, last.Sha) > 0))
        {
            LastCommit = (committedAt, sha);
        }
    }

    /// <summary>
    /// Everything the ledger accumulated (counts, accounts and the names they were seen under, paths with their
    /// contributions, renames and existence), compressed and base64-encoded. Options and the as-of instant are not in
    /// it: the caller keys the snapshot by what the accumulation depends on.
    /// </summary>
    internal string ExportState()
    {
        // Written whole, then compressed in one call: a BinaryWriter's many small writes straight into the compressor
        // (and a reader's small reads out of it) cost more than the (de)compression itself.
        using var raw = new MemoryStream();
        using (var writer = new BinaryWriter(raw, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(StateMagic);
            writer.Write(Commits);
            writer.Write(RanksBySha);
            writer.Write(LastCommit is not null);
            if (LastCommit is { } last)
            {
                writer.Write(last.At.UtcTicks);
                writer.Write(last.Sha);
            }

            writer.Write(_accounts.Count);
            foreach (var account in _accounts)
            {
                writer.Write(account.Account);
                writer.Write(account.FirstSha);
                writer.Write(account.NamesSeen.Count);
                foreach (var (name, sha) in account.NamesSeen)
                {
                    writer.Write(name);
                    writer.Write(sha);
                }
            }

            writer.Write(_paths.Count);
            foreach (var (path, index) in _pathIndex.OrderBy(p => p.Value))
            {
                writer.Write(path);
                _paths[index].Write(writer);
            }
        }

        using var bytes = new MemoryStream();
        using (var zip = new ZLibStream(bytes, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(raw.GetBuffer(), 0, (int)raw.Length);
        }

        return Convert.ToBase64String(bytes.GetBuffer(), 0, (int)bytes.Length);
    }

    /// <summary>
    /// A ledger holding the state <see cref="ExportState"/> wrote, or null when <paramref name="state"/> is not such a
    /// state (bad bytes, another format): the caller then reads the history instead.
    /// </summary>
    /// <param name="state">What <see cref="ExportState"/> returned.</param>
    /// <param name="options">The options of the ledger (the accumulation must not depend on them: no decay).</param>
    /// <param name="asOf">The instant the new ledger computes at.</param>
    internal static AuthorshipLedger? ImportState(string state, TruckFactorOptions options, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            using var raw = new MemoryStream();
            using (var zip = new ZLibStream(new MemoryStream(Convert.FromBase64String(state)), CompressionMode.Decompress))
            {
                zip.CopyTo(raw);
            }

            raw.Position = 0;
            using var reader = new BinaryReader(raw, new UTF8Encoding(false, throwOnInvalidBytes: true));
            if (reader.ReadInt32() != StateMagic)
            {
                return null;
            }

            var ledger = new AuthorshipLedger(options, asOf) { Commits = Snapshot.Count(reader, int.MaxValue), RanksBySha = reader.ReadBoolean() };
            if (reader.ReadBoolean())
            {
                ledger.LastCommit = (new DateTimeOffset(Snapshot.Ticks(reader.ReadInt64()), TimeSpan.Zero), reader.ReadString());
            }

            var accounts = Snapshot.Count(reader, int.MaxValue);
            for (var i = 0; i < accounts; i++)
            {
                var account = new AccountState(reader.ReadString(), reader.ReadString());
                var names = Snapshot.Count(reader, int.MaxValue);
                for (var n = 0; n < names; n++)
                {
                    account.Restore(reader.ReadString(), reader.ReadString());
                }

                if (!ledger._accountIndex.TryAdd(account.Account, i))
                {
                    throw new InvalidDataException($"account '{account.Account}' is listed twice");
                }

                ledger._accounts.Add(account);
            }

            var paths = Snapshot.Count(reader, int.MaxValue);
            for (var i = 0; i < paths; i++)
            {
                var path = reader.ReadString();
                if (!ledger._pathIndex.TryAdd(path, i))
                {
                    throw new InvalidDataException($"path '{path}' is listed twice");
                }

                ledger._paths.Add(PathState.Read(reader, accounts, paths));
            }

            // Trailing bytes mean the state is not what this format wrote.
            return raw.Position == raw.Length ? ledger : null;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or DecoderFallbackException or IOException)
        {
            return null;
        }
    }

    /// <summary>Checks on the values read from a state, each failure an <see cref="InvalidDataException"/>.</summary>
    private static class Snapshot
    {
        /// <summary>A count of at most <paramref name="max"/>.</summary>
        public static int Count(BinaryReader reader, int max)
        {
            var count = reader.ReadInt32();
            return count >= 0 && count <= max ? count : throw new InvalidDataException($"count {count} out of range");
        }

        /// <summary>An index below <paramref name="count"/>.</summary>
        public static int Index(BinaryReader reader, int count)
        {
            var index = reader.ReadInt32();
            return index >= 0 && index < count ? index : throw new InvalidDataException($"index {index} out of range");
        }

        /// <summary>UTC ticks of a valid instant.</summary>
        public static long Ticks(long ticks) =>
            ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks ? ticks : throw new InvalidDataException($"ticks {ticks} out of range");

        /// <summary>A weight or a sum of weights: finite and not negative.</summary>
        public static double Weight(double value) =>
            double.IsFinite(value) && value >= 0 ? value : throw new InvalidDataException($"weight {value} out of range");
    }
}
