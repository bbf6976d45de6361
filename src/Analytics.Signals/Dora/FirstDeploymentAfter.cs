namespace Analytics.Signals.Dora;

/// <summary>
/// Finds, in a list of one repository's production deployments, the first in list order that went live at or after an
/// instant, in O(log n) instead of a scan per merge: the deployments sorted by time (latest first) with the smallest
/// list position among each prefix, so the ones live at or after the instant are a prefix found by binary search.
/// </summary>
internal sealed class FirstDeploymentAfter
{
    private readonly IReadOnlyList<ProductionDeployment> _deployments;
    private readonly DateTimeOffset[] _latestFirst;
    private readonly int[] _firstPosition;

    /// <summary>Indexes <paramref name="deployments"/> (in the order "first" refers to).</summary>
    public FirstDeploymentAfter(IReadOnlyList<ProductionDeployment> deployments)
    {
        _deployments = deployments;
        var order = Enumerable.Range(0, deployments.Count).OrderByDescending(i => deployments[i].At).ToArray();
        _latestFirst = order.Select(i => deployments[i].At).ToArray();
        _firstPosition = new int[order.Length];
        for (var k = 0; k < order.Length; k++)
        {
            _firstPosition[k] = k == 0 ? order[0] : Math.Min(_firstPosition[k - 1], order[k]);
        }
    }

    /// <summary>The first deployment in list order live at or after <paramref name="instant"/>, or null when none is.</summary>
    public ProductionDeployment? Find(DateTimeOffset instant)
    {
        // How many deployments went live at or after the instant: they lead the latest-first order.
        int low = 0, high = _latestFirst.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_latestFirst[middle] >= instant)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low == 0 ? null : _deployments[_firstPosition[low - 1]];
    }
}
