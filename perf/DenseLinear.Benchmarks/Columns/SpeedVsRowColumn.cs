using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using DenseLinear.Benchmarks.Running;

namespace DenseLinear.Benchmarks.Columns;

/// <summary>
/// A speed: the mean time of a reference row on the same product in the same run over this row's mean time, so above 1
/// is faster, as in the README's table.
/// BDN's own Ratio column cannot be used: it groups by every parameter, and the row is a parameter.
/// </summary>
public sealed class SpeedVsRowColumn(string referenceRow) : IColumn
{
    public string Id => "SpeedVs" + referenceRow;

    public string ColumnName => "×" + referenceRow;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Speed: Mean of the {referenceRow} row on the same shape and layout, this run, / Mean (above 1 is faster)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (CaseInfo.From(benchmarkCase) is not { } info)
        {
            return "?";
        }

        BenchmarkCase? reference = summary.BenchmarksCases.FirstOrDefault(c =>
            CaseInfo.From(c) is { } other && other.Row == referenceRow && other.SameProduct(info));
        double? mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        double? referenceMean = reference is null ? null : summary[reference]?.ResultStatistics?.Mean;
        return mean is > 0 && referenceMean is > 0
            ? (referenceMean.Value / mean.Value).ToString("F3", CultureInfo.InvariantCulture)
            : "-";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}
