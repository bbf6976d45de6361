namespace Analytics.Signals;

/// <summary>
/// Runs computations at most a given number at once, where a computation waiting for a shared analysis that another is
/// making (<see cref="SharedAnalyses"/>) gives up its slot until the analysis is ready. Signals that share a load sit side
/// by side in the catalogue (the flaky-test family, the ticket family): with a fixed number of slots, one of them
/// loading and the next waiting for it held every slot of a 2-core machine while one core idled, for as long as the
/// load took (the flaky-test analysis: 20 s of a full pass). The shared analyses find the slots of the computation they
/// run in through an async-local, so a signal needs to know nothing of them.
/// </summary>
internal sealed class ComputeSlots : IDisposable
{
    private static readonly AsyncLocal<ComputeSlots?> Current = new();

    private readonly SemaphoreSlim _free;

    private ComputeSlots(int count) => _free = new SemaphoreSlim(count, count);

    /// <summary>
    /// Runs <paramref name="work"/> for every index from 0 to <paramref name="count"/> − 1, in that order, at most
    /// <paramref name="parallelism"/> computing at once. The first failure stops the indexes not started yet and is
    /// thrown once those started have ended.
    /// </summary>
    /// <param name="count">How many computations.</param>
    /// <param name="parallelism">How many compute at once (at least 1).</param>
    /// <param name="work">One computation, by index.</param>
    /// <param name="cancellationToken">Cancels the computations.</param>
    public static async Task RunAsync(int count, int parallelism, Func<int, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        ArgumentNullException.ThrowIfNull(work);
        using var slots = new ComputeSlots(parallelism);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = new List<Task>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                await slots._free.WaitAsync(stop.Token);
                if (stop.IsCancellationRequested)
                {
                    // A failure released the slot the wait was granted as it was cancelled.
                    slots._free.Release();
                    break;
                }

                var index = i;
                started.Add(Task.Run(
                    async () =>
                    {
                        Current.Value = slots;
                        try
                        {
                            await work(index, stop.Token);
                        }
                        catch
                        {
                            await stop.CancelAsync();
                            throw;
                        }
                        finally
                        {
                            slots._free.Release();
                        }
                    },
                    CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A computation failed: its failure is thrown below.
        }

        await Task.WhenAll(started);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <inheritdoc />
    public void Dispose() => _free.Dispose();

    /// <summary>
    /// Awaits what <paramref name="wait"/> gives outside the slot of the computation this runs in (if any): the slot
    /// goes to the next computation meanwhile and is taken back before this returns.
    /// </summary>
    public static async Task<T> WaitOutsideAsync<T>(Func<Task<T>> wait)
    {
        ArgumentNullException.ThrowIfNull(wait);
        if (Current.Value is not { } slots)
        {
            return await wait();
        }

        slots._free.Release();
        try
        {
            return await wait();
        }
        finally
        {
            await slots._free.WaitAsync(CancellationToken.None);
        }
    }
}
