using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using DenseLinear.Benchmarks.Running;

namespace DenseLinear.Benchmarks.Columns;

/// <summary>Throughput, 2·m·k·n / mean time: comparable across shapes and against the machine's peak.</summary>
public sealed class GflopsColumn : IColumn
{
    public string Id => "GFLOP/s";

    public string ColumnName => "GFLOP/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Billions of floating-point operations per second, 2·m·k·n / Mean";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (CaseInfo.From(benchmarkCase) is not { } info || mean is not > 0)
        {
            return "?";
        }

        // Flops per nanosecond are GFLOP/s.
        return (info.Shape.Flops / mean.Value).ToString("F2", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}
