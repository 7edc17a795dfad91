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

    /// <summary>
    /// Ratios for every row against every reference present on its product, except a reference against itself. One
    /// run holds one time per case (<see cref="FullJsonReader.ThrowIfRepeated"/>), so every key is made once.
    /// </summary>
    public static IReadOnlyDictionary<RatioKey, double> Compute(IEnumerable<BenchmarkRecord> records) =>
        (from product in records.GroupBy(r => r.Product)
         from reference in References
         let baseline = product.FirstOrDefault(r => r.Row == reference)
         where baseline is { MeanNanoseconds: > 0 }
         from record in product
         where record.Row != reference
         select (Key: new RatioKey(product.Key, record.Row, reference), Ratio: record.MeanNanoseconds / baseline.MeanNanoseconds))
        .ToDictionary(p => p.Key, p => p.Ratio);
}
