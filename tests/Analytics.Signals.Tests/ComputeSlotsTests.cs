namespace Analytics.Signals.Tests;

/// <summary>
/// <see cref="ComputeSlots"/>: at most so many computations at once, and a computation waiting for a shared analysis
/// another one is making gives its slot to the next computation. Waits are bounded (a deadlock fails, it does not hang).
/// </summary>
public sealed class ComputeSlotsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RunAsync_WaitingForAnAnalysisUnderWay_GivesTheSlotToTheNextComputation()
    {
        // Two slots. Computation 0 makes the analysis, which cannot finish before computation 2 has run; computation 1
        // needs the same analysis. Holding its slot while it waits, 1 would leave 2 no slot: nothing could finish.
        var shared = new SharedAnalyses();
        var thirdRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var results = new string[3];
        await ComputeSlots.RunAsync(
            3,
            2,
            async (index, token) =>
            {
                if (index == 2)
                {
                    results[2] = "third";
                    thirdRan.SetResult();
                    return;
                }

                if (index == 1)
                {
                    // Let computation 0 start the analysis first (bounded: it starts at once).
                    for (var spins = 0; shared.Keys.Count == 0 && spins < 100_000; spins++)
                    {
                        await Task.Yield();
                    }

                    shared.Keys.Should().Equal("analysis");
                }

                results[index] = await shared.GetOrComputeAsync("analysis", async _ =>
                {
                    await thirdRan.Task;
                    return "analysis";
                }, token);
            },
            default).WaitAsync(Bound);

        results.Should().Equal("analysis", "analysis", "third");
    }

    [Fact]
    public async Task RunAsync_ComputesAtMostTheParallelismAtOnce()
    {
        var running = 0;
        var most = 0;
        await ComputeSlots.RunAsync(
            12,
            2,
            async (_, _) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                for (var i = 0; i < 5; i++)
                {
                    await Task.Yield();
                }

                Interlocked.Decrement(ref running);
            },
            default).WaitAsync(Bound);

        most.Should().BeInRange(1, 2);
    }

    [Fact]
    public async Task RunAsync_AComputationFails_ThrowsItsFailureAndStartsNoMore()
    {
        var started = new List<int>();
        var run = () => ComputeSlots.RunAsync(
            50,
            1,
            (index, _) =>
            {
                lock (started)
                {
                    started.Add(index);
                }

                return index == 3 ? throw new InvalidOperationException("computation 3 failed") : Task.CompletedTask;
            },
            default).WaitAsync(Bound);

        await run.Should().ThrowAsync<InvalidOperationException>().WithMessage("computation 3 failed");
        started.Should().Equal(0, 1, 2, 3);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var found && found != seen)
        {
            seen = found;
        }
    }
}
