using System.Numerics;
using System.Runtime.InteropServices;

namespace DenseLinear.Properties.Mutants;

/// <summary>Uses x as scratch space: it negates x in place to "save" a buffer and forgets to undo it.</summary>
public sealed class InputScribblingKernel<T> : MutantKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "Mutant.InputScribbling";

    public override void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout)
    {
        base.Multiply(x, w, y, m, k, n, layout);
        Span<T> writable = MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(x), x.Length);
        foreach (ref T value in writable)
        {
            value = -value;
        }
    }
}
