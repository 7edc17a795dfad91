using System.Numerics;
using BenchmarkDotNet.Attributes;
using DenseLinear.Benchmarks.Rows;

namespace DenseLinear.Benchmarks.Suites;

/// <summary>
/// The shared benchmark: one shape, one layout, one row per case. The row is a parameter rather than a method so
/// that the kernel registry can be iterated; the same-run ratios come from <see cref="Columns.CaseColumn.SpeedVs"/>.
/// </summary>
[MemoryDiagnoser]
public abstract class MatMulBenchmark<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private IBenchmarkRow? row;

    /// <summary>Each suite lists its shapes with <c>[ParamsSource(..., Priority = -10)]</c>.</summary>
    public abstract MatMulShape Shape { get; set; }

    [Params(WeightLayout.InOut, WeightLayout.OutIn, Priority = -5)]
    public WeightLayout Layout { get; set; }

    [ParamsSource(nameof(Rows))]
    public string Row { get; set; } = RowNames.Naive;

    public static IEnumerable<string> Rows => BenchmarkRows<T>.Names;

    [GlobalSetup]
    public void Setup() => row = BenchmarkRows<T>.Create(Row, new MatMulData<T>(Shape, Layout));

    [Benchmark]
    public object Multiply() => row!.Run();
}
