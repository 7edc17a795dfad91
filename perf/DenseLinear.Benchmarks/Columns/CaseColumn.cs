using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using DenseLinear.Benchmarks.Running;

namespace DenseLinear.Benchmarks.Columns;

/// <summary>
/// A column computed from a case's mean time and its <see cref="CaseInfo"/>: the throughput, or a speed against
/// another row of the same run. BDN's own Ratio column cannot be used: it groups by every parameter, and the row is a
/// parameter.
/// </summary>
public sealed class CaseColumn(string name, string legend, int priority, Func<Summary, CaseInfo, double?, string> value) : IColumn
{
    /// <summary>2·m·k·n / mean time: comparable across shapes and against the machine's peak (flops per ns are GFLOP/s).</summary>
    public static CaseColumn Gflops { get; } = new(
        "GFLOP/s", "Billions of floating-point operations per second, 2·m·k·n / Mean", 0, (_, info, mean) =>
        mean is > 0 ? (info.Shape.Flops / mean.Value).ToString("F2", CultureInfo.InvariantCulture) : "?");

    public string Id => ColumnName;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => priority;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    /// <summary>
    /// The mean time of <paramref name="row"/> on the same product in the same run over this row's mean time, so above
    /// 1 is faster, as in the README's table.
    /// </summary>
    public static CaseColumn SpeedVs(string row) => new(
        "×" + row, $"Speed: Mean of the {row} row on the same shape and layout, this run, / Mean (above 1 is faster)", 1, (summary, info, mean) =>
        summary.BenchmarksCases.FirstOrDefault(c => CaseInfo.From(c) is { } other && other.Row == row && other.SameProduct(info)) is { } reference
            && summary[reference]?.ResultStatistics?.Mean is > 0 and double referenceMean && mean is > 0
            ? (referenceMean / mean.Value).ToString("F3", CultureInfo.InvariantCulture)
            : "-");

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        CaseInfo.From(benchmarkCase) is { } info ? value(summary, info, summary[benchmarkCase]?.ResultStatistics?.Mean) : "?";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}
