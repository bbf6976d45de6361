namespace Analytics.Storage;

/// <summary>What an upsert did.</summary>
/// <param name="Received">Records handed to the store.</param>
/// <param name="Changed">Records inserted or replaced because their content differed.</param>
public readonly record struct UpsertResult(int Received, int Changed)
{
    /// <summary>Records already stored exactly as given.</summary>
    public int Unchanged => Received - Changed;

    /// <summary>Adds two results.</summary>
    public static UpsertResult operator +(UpsertResult left, UpsertResult right) =>
        new(left.Received + right.Received, left.Changed + right.Changed);
}
