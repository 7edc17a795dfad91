using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DenseLinear.Properties.Mutants;

/// <summary>An off-by-one store: after the correct result it writes one element past y[m·n − 1].</summary>
public sealed class OutOfBoundsWriteKernel<T> : MutantKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "Mutant.OutOfBoundsWrite";

    public override void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout)
    {
        base.Multiply(x, w, y, m, k, n, layout);

        // Past the span on purpose, as unsafe code does; the harness's buffers have room for it.
        Unsafe.Add(ref MemoryMarshal.GetReference(y), m * n) = T.Zero;
    }
}
