using System.Diagnostics;
using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Accuracy;
using DenseLinear.IO;
using DenseLinear.Kernels;
using DenseLinear.Layers;

namespace DenseLinear.Porting;

/// <summary>
/// Runs both models layer by layer on shared inputs (each layer gets A's previous output) and holds each output pair
/// to the sum of the two sides' rigorous bounds, <see cref="ErrorBound.DotProduct{T}"/> with k + 1 terms (the bias
/// is one) and the gauge |x|ᵀ|K| + |b| of <see cref="ExactReference{T}"/>.
/// </summary>
internal static class ForwardPass
{
    public static ForwardPassReport Run<T>(StoredModel a, StoredModel b, T[] input, int batch, string inputLabel, IMatMulKernel<T> kernelB, Action<string>? progress)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var results = new List<ForwardLayerResult>();
        T[] x = input;
        long width = a.Layers[0].InFeatures;
        var clock = Stopwatch.StartNew();
        int count = Math.Min(a.Layers.Count, b.Layers.Count);
        for (int i = 0; i < count; i++)
        {
            StoredLayer la = a.Layers[i], lb = b.Layers[i];
            string label = LayerClassifier.Label(la, lb);
            Activation activationA = la.Activation ?? lb.Activation ?? Activation.Linear;
            Activation activationB = lb.Activation ?? la.Activation ?? Activation.Linear;
            if (la.InFeatures != width)
            {
                results.Add(NotRun(i, label, $"A's layer takes {la.InFeatures} features but A's layer {i - 1} gives {width}: A's layers do not chain", activationA, activationB));
                break;
            }

            int k = checked((int)width), n = checked((int)la.OutFeatures);
            LayerValues<T> valuesA = LayerValues<T>.Of(la);
            T[] yA = Affine(NaiveKernel<T>.Instance, x, valuesA, batch, k, n);
            if (lb.InFeatures != width || lb.OutFeatures != la.OutFeatures)
            {
                results.Add(NotRun(i, label, $"B's layer maps {lb.InFeatures} features to {lb.OutFeatures} (K [{lb.InFeatures}, {lb.OutFeatures}]) but the shared input is [{batch}, {k}] and A's output [{batch}, {n}]", activationA, activationB));
            }
            else
            {
                LayerValues<T> valuesB = LayerValues<T>.Of(lb);
                T[] yB = Affine(kernelB, x, valuesB, batch, k, n);
                results.Add(Compare(i, label, x, yA, yB, valuesA, valuesB, batch, k, n, activationA, activationB));
            }

            ActivationFunctions.Apply(activationA, yA.AsSpan(), n);
            (x, width) = (yA, n);
            if (clock.Elapsed.TotalSeconds > 1)
            {
                progress?.Invoke($"forward pass: layer {i + 1} of {count} ({la.Name}) done after {clock.Elapsed.TotalSeconds:F1} s");
            }
        }

        return new ForwardPassReport(TensorDTypeNames.Of(StoredTensor.DTypeOf<T>()), batch, inputLabel, results);
    }

    /// <summary>A stored tensor's values in <typeparamref name="T"/>: 16-bit and float widen exactly, double rounds to float.</summary>
    public static T[] Values<T>(StoredTensor tensor)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        tensor.ConvertTo(typeof(T) == typeof(double) ? TensorDType.Float64 : TensorDType.Float32).GetValues<T>().ToArray();

    private static ForwardLayerResult NotRun(int index, string label, string reason, Activation activationA, Activation activationB) =>
        new(index, label, false, reason, 0, double.NaN, -1, -1, double.NaN, double.NaN, double.NaN, activationA, activationB, double.NaN);

    // y = x·K + b in T: the kernel's k-term sum, then the bias added once (a (k + 1)-term sum).
    private static T[] Affine<T>(IMatMulKernel<T> kernel, T[] x, LayerValues<T> layer, int m, int k, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] y = new T[m * n];
        kernel.Multiply(x, layer.Weight, y, m, k, n, layer.Layout);
        AffineParameters<T>.AddToEveryRow(y, layer.Bias);
        return y;
    }

    private static ForwardLayerResult Compare<T>(int index, string label, T[] x, T[] yA, T[] yB, LayerValues<T> la, LayerValues<T> lb, int m, int k, int n, Activation activationA, Activation activationB)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ExactReference<T> referenceA = Reference(x, la, m, k, n), referenceB = Reference(x, lb, m, k, n);
        double[] bounds = new double[yA.Length];
        double worst = 0;
        int worstIndex = 0;
        for (int e = 0; e < yA.Length; e++)
        {
            bounds[e] = referenceA.Bound(e) + referenceB.Bound(e);
            double ratio = Ratio(double.CreateChecked(yA[e]), double.CreateChecked(yB[e]), bounds[e]);
            if (ratio > worst || double.IsNaN(ratio))
            {
                (worst, worstIndex) = (double.IsNaN(ratio) ? double.PositiveInfinity : ratio, e);
            }
        }

        double activationRatio = ActivationRatio(activationA, activationB, yA, yB, bounds, n);
        return new ForwardLayerResult(
            index, label, true, null, Math.Max(referenceA.Terms, referenceB.Terms), worst, worstIndex / n, worstIndex % n,
            double.CreateChecked(yA[worstIndex]), double.CreateChecked(yB[worstIndex]), bounds[worstIndex], activationA, activationB, activationRatio);
    }

    private static ExactReference<T> Reference<T>(T[] x, LayerValues<T> layer, int m, int k, int n)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        ExactReference<T>.Multiply(x, layer.Weight, m, k, n, layer.Layout, layer.Bias);

    // |a − b| / bound, 0 for equal values (infinities of one sign, NaNs), ∞ for a non-finite value the other lacks.
    private static double Ratio(double a, double b, double bound)
    {
        if (a == b || (double.IsNaN(a) && double.IsNaN(b)))
        {
            return 0;
        }

        double difference = Math.Abs(a - b);
        return double.IsFinite(difference) ? difference / bound : double.PositiveInfinity;
    }

    private static double ActivationRatio<T>(Activation activationA, Activation activationB, T[] yA, T[] yB, double[] bounds, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] zA = (T[])yA.Clone(), zB = (T[])yB.Clone();
        ActivationFunctions.Apply(activationA, zA.AsSpan(), n);
        ActivationFunctions.Apply(activationB, zB.AsSpan(), n);
        double worst = 0;
        for (int start = 0; start < zA.Length; start += n)
        {
            double rowBound = 0, spread = 0;
            if (activationA == Activation.Softmax)
            {
                rowBound = TensorPrimitives.Max<double>(bounds.AsSpan(start, n));
                spread = Math.Max(Spread(yA.AsSpan(start, n)), Spread(yB.AsSpan(start, n)));
            }

            for (int e = start; e < start + n; e++)
            {
                double a = double.CreateChecked(zA[e]), b = double.CreateChecked(zB[e]);
                double allowance = ActivationAllowance.Of<T>(activationA, activationA == Activation.Softmax ? rowBound : bounds[e], Math.Max(Math.Abs(a), Math.Abs(b)), n, spread);
                double ratio = Ratio(a, b, allowance);
                worst = double.IsNaN(ratio) ? double.PositiveInfinity : Math.Max(worst, ratio);
            }
        }

        return worst;
    }

    private static double Spread<T>(ReadOnlySpan<T> row)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double max = double.NegativeInfinity, min = double.PositiveInfinity;
        foreach (T v in row)
        {
            max = Math.Max(max, double.CreateChecked(v));
            min = Math.Min(min, double.CreateChecked(v));
        }

        return max - min;
    }
}
