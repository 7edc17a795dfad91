using System.Numerics;
using DenseLinear.Benchmarks.OpenBlas;
using DenseLinear.Benchmarks.Suites;
using DenseLinear.Kernels;
using Xunit;

namespace DenseLinear.Benchmarks.Tests.OpenBlas;

/// <summary>The check OpenBLAS must pass before it is timed, fed the naive kernel instead, right and transposed.</summary>
public sealed class OpenBlasCheckTests
{
    [Fact]
    public void TheCheckPassesNaiveItself() =>
        Assert.Empty(OpenBlasCheck.Compare(d => Naive(d, swap: false), d => Naive(d, swap: false)));

    [Fact]
    public void TheCheckFailsATransposedWInFloat()
    {
        IReadOnlyList<string> failures = OpenBlasCheck.Compare(d => Naive(d, swap: true), d => Naive(d, swap: false));
        Assert.Contains(failures, f => f.StartsWith("sgemm", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("sgemv", StringComparison.Ordinal));
    }

    [Fact]
    public void TheCheckFailsATransposedWInDouble()
    {
        IReadOnlyList<string> failures = OpenBlasCheck.Compare(d => Naive(d, swap: false), d => Naive(d, swap: true));
        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.StartsWith("d", f, StringComparison.Ordinal));
    }

    /// <summary>A swapped layout is what a wrong transpose flag does to gemm and gemv.</summary>
    private static void Naive<T>(MatMulData<T> d, bool swap)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        WeightLayout layout = swap ? (d.Layout == WeightLayout.InOut ? WeightLayout.OutIn : WeightLayout.InOut) : d.Layout;
        NaiveKernel<T>.Instance.Multiply(d.X, d.W, d.Y, d.Shape.M, d.Shape.K, d.Shape.N, layout);
    }
}
