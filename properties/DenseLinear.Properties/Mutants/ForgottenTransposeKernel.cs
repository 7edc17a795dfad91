using System.Numerics;

namespace DenseLinear.Properties.Mutants;

/// <summary>The porting bug itself: reads a PyTorch [out, in] weight as if it were a Keras [in, out] kernel.</summary>
public sealed class ForgottenTransposeKernel<T> : MutantKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "Mutant.ForgottenTranspose";

    protected override T Weight(ReadOnlySpan<T> w, int p, int j, int k, int n, WeightLayout layout) => w[(p * n) + j];
}
