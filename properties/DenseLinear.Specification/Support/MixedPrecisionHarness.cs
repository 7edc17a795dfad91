using System.Runtime.InteropServices;

namespace DenseLinear.Specification.Support;

/// <summary>
/// <see cref="KernelHarness"/> for a mixed-precision kernel: x, the 16-bit weights and y are slices of larger buffers
/// whose margins hold canaries, y starts as the harness's NaN, and afterwards the inputs and every canary must be bit
/// for bit as they were.
/// </summary>
public static class MixedPrecisionHarness
{
    /// <summary>Runs <c>y = x·widen(W)</c> in <paramref name="layout"/> and returns y [m×n].</summary>
    /// <exception cref="SpecificationException">The kernel threw, wrote outside y[0, m·n), left an element unwritten, or
    /// changed an input.</exception>
    public static float[] Run<TWeight>(IMixedPrecisionKernel<TWeight> kernel, float[] x, TWeight[] w, int m, int k, int n, WeightLayout layout)
        where TWeight : unmanaged
    {
        ArgumentNullException.ThrowIfNull(kernel);
        string shapes = $"kernel {kernel.Name} (Single × {typeof(TWeight).Name}) | {MatMulArguments.Describe(m, k, n, layout)} |";
        int margin = KernelHarness.Margin;
        float[] xBuffer = KernelHarness.Guarded(x);
        TWeight[] wBuffer = KernelHarness.Guarded(w);
        byte[] xBefore = MemoryMarshal.AsBytes(xBuffer.AsSpan()).ToArray();
        byte[] wBefore = MemoryMarshal.AsBytes(wBuffer.AsSpan()).ToArray();
        int count = m * n;
        var yBuffer = new float[count + (2 * margin)];
        MemoryMarshal.AsBytes(yBuffer.AsSpan()).Fill(KernelHarness.CanaryByte);
        float fill = KernelHarness.Unwritten<float>();
        yBuffer.AsSpan(margin, count).Fill(fill);
        try
        {
            kernel.Multiply(xBuffer.AsSpan(margin, x.Length), wBuffer.AsSpan(margin, w.Length), yBuffer.AsSpan(margin, count), m, k, n, layout);
        }
        catch (Exception e)
        {
            throw new SpecificationException($"{shapes} threw {e.GetType().Name} on valid input: {e.Message}", e);
        }

        if (!MemoryMarshal.AsBytes(xBuffer.AsSpan()).SequenceEqual(xBefore))
        {
            throw new SpecificationException($"{shapes} changed x or the memory around it.");
        }

        if (!MemoryMarshal.AsBytes(wBuffer.AsSpan()).SequenceEqual(wBefore))
        {
            throw new SpecificationException($"{shapes} changed W or the memory around it.");
        }

        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(yBuffer.AsSpan());
        for (int i = 0; i < yBuffer.Length; i++)
        {
            if ((i < margin || i >= margin + count) && bytes.Slice(i * sizeof(float), sizeof(float)).ContainsAnyExcept(KernelHarness.CanaryByte))
            {
                throw new SpecificationException($"{shapes} wrote y[{i - margin}] outside y[0, {count}): the value is now {Matrices.Format(yBuffer[i])}.");
            }
        }

        float[] y = yBuffer.AsSpan(margin, count).ToArray();
        int unwritten = Array.FindIndex(y, v => Matrices.BitEqual(v, fill));
        if (unwritten >= 0 && !Array.Exists(x, v => Matrices.BitEqual(v, fill)))
        {
            throw new SpecificationException(
                $"{shapes} did not write y[{unwritten / Math.Max(n, 1)},{unwritten % Math.Max(n, 1)}]: it still holds the harness's NaN fill (or the kernel read y, which it must not).");
        }

        return y;
    }
}
