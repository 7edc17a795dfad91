using System.Numerics;

namespace DenseLinear.Properties.Mutants;

/// <summary>Treats subnormal inputs as zero (DAZ, as fast-math builds of native kernels do).</summary>
public sealed class FlushInputsToZeroKernel<T> : MutantKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "Mutant.FlushInputsToZero";

    protected override T Dot(ReadOnlySpan<T> row, ReadOnlySpan<T> w, int j, int k, int n, WeightLayout layout, int m)
    {
        T sum = T.Zero;
        for (int p = 0; p < k; p++)
        {
            sum += Flushed(row[p]) * Flushed(Weight(w, p, j, k, n, layout));
        }

        return sum;
    }

    private static T Flushed(T value) => T.IsSubnormal(value) ? T.CopySign(T.Zero, value) : value;
}
