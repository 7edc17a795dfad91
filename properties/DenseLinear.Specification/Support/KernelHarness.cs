using System.Numerics;
using System.Runtime.InteropServices;

namespace DenseLinear.Specification.Support;

/// <summary>
/// Runs a kernel the way the specification always does: inputs and output are slices of larger buffers whose
/// margins hold canaries, y starts as NaN (a kernel that reads y fails), and afterwards the inputs and every
/// canary must be bit-for-bit as they were.
/// </summary>
public static class KernelHarness
{
    /// <summary>Canary elements on each side of every slice.</summary>
    public const int Margin = 16;

    /// <summary>The canary byte; 0xA5A5A5A5 is an unremarkable finite float, so it cannot be produced by accident.</summary>
    public const byte CanaryByte = 0xA5;

    /// <summary>Runs <c>y = x·W</c> in <paramref name="layout"/> and returns y [m×n].</summary>
    /// <param name="kernel">The kernel under test.</param>
    /// <param name="x">x [m×k].</param>
    /// <param name="w">W in <paramref name="layout"/>.</param>
    /// <param name="m">Rows of x.</param>
    /// <param name="k">Columns of x.</param>
    /// <param name="n">Columns of y.</param>
    /// <param name="layout">The weight layout.</param>
    /// <param name="slack">Extra y elements inside the span, past m·n, that must stay untouched.</param>
    /// <exception cref="SpecificationException">The kernel threw, wrote outside y[0, m·n), or changed an input.</exception>
    public static T[] Run<T>(IMatMulKernel<T> kernel, T[] x, T[] w, int m, int k, int n, WeightLayout layout, int slack = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Messages read like the properties' labels: kernel | shapes | what went wrong.
        string shapes = $"kernel {kernel.Name} ({typeof(T).Name}) | {MatMulArguments.Describe(m, k, n, layout)} |";
        T[] xBuffer = Guarded(x);
        T[] wBuffer = Guarded(w);
        T[] xBefore = (T[])xBuffer.Clone();
        T[] wBefore = (T[])wBuffer.Clone();
        int count = m * n;
        var yBuffer = new T[count + slack + (2 * Margin)];
        MemoryMarshal.AsBytes(yBuffer.AsSpan()).Fill(CanaryByte);
        yBuffer.AsSpan(Margin, count).Fill(Unwritten<T>());
        try
        {
            kernel.Multiply(
                xBuffer.AsSpan(Margin, x.Length), wBuffer.AsSpan(Margin, w.Length), yBuffer.AsSpan(Margin, count + slack), m, k, n, layout);
        }
        catch (Exception e)
        {
            throw new SpecificationException($"{shapes} threw {e.GetType().Name} on valid input: {e.Message}", e);
        }

        CheckUnchanged(kernel, shapes, "x", xBefore, xBuffer);
        CheckUnchanged(kernel, shapes, "W", wBefore, wBuffer);
        CheckCanaries(kernel, shapes, yBuffer, count);
        T[] y = yBuffer.AsSpan(Margin, count).ToArray();
        CheckWritten(kernel, shapes, y, n, x, w);
        return y;
    }

    /// <summary>
    /// The NaN y starts as: a quiet NaN with payload 0xDEA, so an element the kernel never wrote (or read and
    /// propagated) is told apart from a NaN it computed.
    /// </summary>
    public static T Unwritten<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? (T)(object)BitConverter.Int32BitsToSingle(0x7FC00DEA)
        : typeof(T) == typeof(double) ? (T)(object)BitConverter.Int64BitsToDouble(0x7FF8000000000DEA)
        : T.NaN;

    // An element still holding the fill NaN was never written (or was read and propagated), unless an input
    // carried that exact bit pattern itself.
    private static void CheckWritten<T>(IMatMulKernel<T> kernel, string shapes, T[] y, int n, T[] x, T[] w)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T fill = Unwritten<T>();
        int index = Array.FindIndex(y, v => Matrices.BitEqual(v, fill));
        if (index >= 0 && !Array.Exists(x, v => Matrices.BitEqual(v, fill)) && !Array.Exists(w, v => Matrices.BitEqual(v, fill)))
        {
            throw new SpecificationException(
                $"{shapes} did not write y[{index / Math.Max(n, 1)},{index % Math.Max(n, 1)}]: it still holds the harness's NaN fill (or the kernel read y, which it must not).");
        }
    }

    /// <summary><paramref name="values"/> in a new buffer with <see cref="Margin"/> canary elements on each side.</summary>
    internal static T[] Guarded<T>(T[] values)
        where T : unmanaged
    {
        var buffer = new T[values.Length + (2 * Margin)];
        MemoryMarshal.AsBytes(buffer.AsSpan()).Fill(CanaryByte);
        values.CopyTo(buffer, Margin);
        return buffer;
    }

    private static void CheckUnchanged<T>(IMatMulKernel<T> kernel, string shapes, string name, T[] before, T[] after)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < before.Length; i++)
        {
            if (!Matrices.BitEqual(before[i], after[i]))
            {
                string where = i < Margin || i >= before.Length - Margin ? $"the memory around {name}" : $"{name}[{i - Margin}]";
                throw new SpecificationException(
                    $"{shapes} changed {where}: was {Matrices.Format(before[i])}, now {Matrices.Format(after[i])}.");
            }
        }
    }

    private static void CheckCanaries<T>(IMatMulKernel<T> kernel, string shapes, T[] y, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(y.AsSpan());
        int size = Marshal.SizeOf<T>();
        for (int i = 0; i < y.Length; i++)
        {
            if (i >= Margin && i < Margin + count)
            {
                continue;
            }

            if (bytes.Slice(i * size, size).ContainsAnyExcept(CanaryByte))
            {
                int offset = i - Margin;
                throw new SpecificationException(
                    $"{shapes} wrote y[{offset}] outside y[0, {count}): the value is now {Matrices.Format(y[i])}.");
            }
        }
    }
}
