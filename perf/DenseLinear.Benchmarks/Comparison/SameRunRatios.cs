using DenseLinear.Benchmarks.Rows;

namespace DenseLinear.Benchmarks.Comparison;

/// <summary>
/// Divides each row's time by a reference row's time on the same product in the same run. Machine speed and
/// load drift move both by the same factor, so the ratio is what can be compared between runs.
/// </summary>
public static class SameRunRatios
{
    /// <summary>The references, in order: the oracle where it was run, OpenBLAS everywhere it is installed.</summary>
    public static IReadOnlyList<string> References { get; } = [RowNames.Naive, RowNames.OpenBlasSingleThread];

    /// <summary>Ratios for every row against every reference present on its product, except a reference against itself.</summary>
    public static IReadOnlyDictionary<RatioKey, double> Compute(IEnumerable<BenchmarkRecord> records)
    {
        var ratios = new Dictionary<RatioKey, double>();
        foreach (IGrouping<string, BenchmarkRecord> product in records.GroupBy(r => r.Product))
        {
            foreach (string reference in References)
            {
                BenchmarkRecord? baseline = product.FirstOrDefault(r => r.Row == reference);
                if (baseline is not { MeanNanoseconds: > 0 })
                {
                    continue;
                }

                foreach (BenchmarkRecord record in product)
                {
                    if (record.Row != reference)
                    {
                        ratios[new RatioKey(product.Key, record.Row, reference)] = record.MeanNanoseconds / baseline.MeanNanoseconds;
                    }
                }
            }
        }

        return ratios;
    }
}
