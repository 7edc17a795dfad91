using System.Globalization;
using System.Numerics.Tensors;
using DenseLinear.Accuracy;
using DenseLinear.Layers;
using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification.Fidelity;

// Family 20: backward passes of both conventions — against exact products, against each other, over N-D
// input, and against central differences.
public abstract partial class FidelitySpecification<T>
{
    /// <summary>
    /// With matching weights (K = Wᵀ, same b, no activation) and N-D input: the PyTorch dW [out, in] and the transpose of
    /// the Keras dK [in, units] are both within the bound of the exact dYᵀ·X; dX of both within the bound of the
    /// exact dY·W; db of both within the bound of the exact Σ of dY over every row; every gradient shaped like its
    /// parameter, db present exactly when the bias is.
    /// </summary>
    [SpecProperty]
    public virtual Property PyTorchWeightGradientIsTheTransposeOfTheKerasKernelGradient() =>
        Prop.ForAll(Generators.GradientCases<T>(false), g =>
        {
            LayerCase<T> c = g.Layer;
            int rows = c.Rows, inFeatures = c.InFeatures, outFeatures = c.OutFeatures;
            LayerGradients<T> pyTorch = PyTorchBackward(c.Weight, c.BiasTensor, c.InputTensor, g.OutputGradientTensor);
            LayerGradients<T> keras = KerasBackward(c.KernelInOut, c.BiasTensor, Activation.Linear, c.InputTensor, g.OutputGradientTensor);
            string shapes = g.ToString();
            string? problem = ShapeProblem("PyTorch dX", pyTorch.InputGradient, c.InputShape)
                ?? ShapeProblem("Keras dX", keras.InputGradient, c.InputShape)
                ?? ShapeProblem("PyTorch dW", pyTorch.WeightGradient, [outFeatures, inFeatures])
                ?? ShapeProblem("Keras dK", keras.WeightGradient, [inFeatures, outFeatures])
                ?? BiasProblem("PyTorch db", pyTorch.BiasGradient, c.Bias is not null, outFeatures)
                ?? BiasProblem("Keras db", keras.BiasGradient, c.Bias is not null, outFeatures);
            if (problem is not null)
            {
                return Verdicts.Fail("Gradients: shapes", Subject, shapes, problem);
            }

            ExactReference<T> dX = ExactReference<T>.Multiply(g.OutputGradient, c.WeightOutIn, rows, outFeatures, inFeatures, WeightLayout.InOut);
            ExactReference<T> dW = ExactReference<T>.Multiply(
                Matrices.Transpose<T>(g.OutputGradient, rows, outFeatures), c.Input, outFeatures, rows, inFeatures, WeightLayout.InOut);
            ExactReference<T> db = ColumnSums(g.OutputGradient, rows, outFeatures);
            return Verdicts.All(
                Verdicts.WithinBound("Gradients: PyTorch dW = dYᵀ·X", Subject, shapes, dW, Matrices.Values(pyTorch.WeightGradient)),
                Verdicts.WithinBound("Gradients: Keras dKᵀ = dYᵀ·X", Subject, shapes, dW, Matrices.Transpose<T>(Matrices.Values(keras.WeightGradient), inFeatures, outFeatures)),
                Verdicts.WithinBound("Gradients: PyTorch dX = dY·W", Subject, shapes, dX, Matrices.Values(pyTorch.InputGradient)),
                Verdicts.WithinBound("Gradients: Keras dX = dY·Kᵀ", Subject, shapes, dX, Matrices.Values(keras.InputGradient)),
                c.Bias is null ? Prop.ToProperty(true) : Verdicts.WithinBound("Gradients: PyTorch db = Σ dY", Subject, shapes, db, Matrices.Values(pyTorch.BiasGradient!)),
                c.Bias is null ? Prop.ToProperty(true) : Verdicts.WithinBound("Gradients: Keras db = Σ dY", Subject, shapes, db, Matrices.Values(keras.BiasGradient!)));
        });

    /// <summary>
    /// Backward on N-D input (a, b, …, in) equals backward on its flattened (a·b·…, in) form — dX reshaped, dW, dK and
    /// db bitwise when the kernel is deterministic — and db sums over every leading dimension: the PyTorch db is within
    /// the bound of the exact Σ of dY over all a·b·… rows. Keras with any activation.
    /// </summary>
    [SpecProperty]
    public virtual Property GradientsReduceOverEveryLeadingDimension() =>
        Prop.ForAll(Generators.GradientCases<T>(true), g =>
        {
            LayerCase<T> c = g.Layer;
            Tensor<T> flatInput = Tensor.Create((T[])c.Input.Clone(), [c.Rows, c.InFeatures]);
            Tensor<T> flatGradient = Tensor.Create((T[])g.OutputGradient.Clone(), [c.Rows, c.OutFeatures]);
            string shapes = g.ToString();
            LayerGradients<T> pyTorch = PyTorchBackward(c.Weight, c.BiasTensor, c.InputTensor, g.OutputGradientTensor);
            Property sums = c.Bias is null || pyTorch.BiasGradient is null
                ? Prop.ToProperty(true)
                : Verdicts.WithinBound("Gradients N-D: PyTorch db = Σ over every leading dimension", Subject, shapes,
                    ColumnSums(g.OutputGradient, c.Rows, c.OutFeatures), Matrices.Values(pyTorch.BiasGradient));
            if (!PromisesDeterminism)
            {
                return sums;
            }

            LayerGradients<T> pyTorchFlat = PyTorchBackward(c.Weight, c.BiasTensor, flatInput, flatGradient);
            LayerGradients<T> keras = KerasBackward(c.KernelInOut, c.BiasTensor, g.Activation, c.InputTensor, g.OutputGradientTensor);
            LayerGradients<T> kerasFlat = KerasBackward(c.KernelInOut, c.BiasTensor, g.Activation, flatInput, flatGradient);
            return Verdicts.All(
                sums,
                SameGradients("PyTorch", shapes, pyTorchFlat, pyTorch, c),
                SameGradients($"Keras ({g.Activation})", shapes, kerasFlat, keras, c));
        });

    /// <summary>
    /// torch.autograd.gradcheck's test, in double: each analytic gradient (dX, dW or dK, db; Keras through every
    /// activation) against central differences (L(θ + ε) − L(θ − ε)) / 2ε of L = Σ dY ⊙ f, f evaluated in double by
    /// plain loops, ε = <see cref="ErrorBound.GradcheckEps"/>, passing when |analytic − numeric| ≤
    /// <see cref="ErrorBound.GradcheckAtol"/> + <see cref="ErrorBound.GradcheckRtol"/>·|numeric|. For float the analytic gradient is the
    /// float backward pass (its rounding, ~10⁻⁶ here, is inside atol); the differences are always taken in double.
    /// </summary>
    [SpecProperty]
    public virtual Property GradientsMatchCentralDifferences() =>
        Prop.ForAll(Generators.GradcheckCases<T>(), g =>
        {
            LayerCase<T> c = g.Layer;
            LayerGradients<T> pyTorch = PyTorchBackward(c.Weight, c.BiasTensor, c.InputTensor, g.OutputGradientTensor);
            LayerGradients<T> keras = KerasBackward(c.KernelInOut, c.BiasTensor, g.Activation, c.InputTensor, g.OutputGradientTensor);
            double[] x = Widen(c.Input), kernel = Widen(Matrices.Values(c.KernelInOut)), bias = c.Bias is null ? [] : Widen(c.Bias), dY = Widen(g.OutputGradient);
            double[] weight = Widen(c.WeightOutIn);
            return Verdicts.All(
                Gradcheck("PyTorch dX", g, Matrices.Values(pyTorch.InputGradient), x, p => Loss(g, p, kernel, bias, dY, Activation.Linear)),
                Gradcheck("PyTorch dW", g, Matrices.Values(pyTorch.WeightGradient), weight, p => Loss(g, x, Matrices.Transpose<double>(p, c.OutFeatures, c.InFeatures), bias, dY, Activation.Linear)),
                Gradcheck("PyTorch db", g, pyTorch.BiasGradient is null ? [] : Matrices.Values(pyTorch.BiasGradient), bias, p => Loss(g, x, kernel, p, dY, Activation.Linear)),
                Gradcheck($"Keras dX ({g.Activation})", g, Matrices.Values(keras.InputGradient), x, p => Loss(g, p, kernel, bias, dY, g.Activation)),
                Gradcheck($"Keras dK ({g.Activation})", g, Matrices.Values(keras.WeightGradient), kernel, p => Loss(g, x, p, bias, dY, g.Activation)),
                Gradcheck($"Keras db ({g.Activation})", g, keras.BiasGradient is null ? [] : Matrices.Values(keras.BiasGradient), bias, p => Loss(g, x, kernel, p, dY, g.Activation)));
        });

    private Property Gradcheck(string what, GradientCase<T> g, T[] analytic, double[] parameters, Func<double[], double> loss)
    {
        if (analytic.Length != parameters.Length)
        {
            return Verdicts.Fail("Gradcheck", Subject, g.ToString(), $"{what} has {analytic.Length} elements, the parameter {parameters.Length}");
        }

        for (int i = 0; i < parameters.Length; i++)
        {
            double saved = parameters[i];
            parameters[i] = saved + ErrorBound.GradcheckEps;
            double plus = loss(parameters);
            parameters[i] = saved - ErrorBound.GradcheckEps;
            double minus = loss(parameters);
            parameters[i] = saved;
            double numeric = (plus - minus) / (2 * ErrorBound.GradcheckEps);
            double value = double.CreateChecked(analytic[i]);
            double tolerance = ErrorBound.Gradcheck(numeric);
            if (!(Math.Abs(value - numeric) <= tolerance))
            {
                return Verdicts.Fail("Gradcheck", Subject, g.ToString(), string.Create(CultureInfo.InvariantCulture,
                    $"{what}[{i}]: numeric {numeric:R}, analytic {value:R}, |difference| {Math.Abs(value - numeric):R} > atol + rtol·|numeric| = {tolerance:R} (eps {ErrorBound.GradcheckEps})"));
            }
        }

        return Prop.ToProperty(true);
    }

    // L = Σ dY ⊙ a(x·K + b), in double, by plain loops (K [in, out]).
    private static double Loss(GradientCase<T> g, double[] x, double[] kernel, double[] bias, double[] dY, Activation activation)
    {
        int rows = g.Layer.Rows, inFeatures = g.Layer.InFeatures, outFeatures = g.Layer.OutFeatures;
        double loss = 0;
        var z = new double[outFeatures];
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < outFeatures; j++)
            {
                double sum = bias.Length == 0 ? 0 : bias[j];
                for (int p = 0; p < inFeatures; p++)
                {
                    sum += x[(r * inFeatures) + p] * kernel[(p * outFeatures) + j];
                }

                z[j] = sum;
            }

            double[] y = activation == Activation.Softmax ? SoftmaxInDouble(z) : [.. z.Select(v => ActivationInDouble(activation, v))];
            for (int j = 0; j < outFeatures; j++)
            {
                loss += dY[(r * outFeatures) + j] * y[j];
            }
        }

        return loss;
    }

    // Σ over rows of a [rows×columns] matrix as an exact product ones[1×rows]·M.
    private static ExactReference<T> ColumnSums(T[] matrix, int rows, int columns)
    {
        T[] ones = [.. Enumerable.Repeat(T.One, rows)];
        return ExactReference<T>.Multiply(ones, matrix, 1, rows, columns, WeightLayout.InOut);
    }

    private Property SameGradients(string convention, string shapes, LayerGradients<T> flat, LayerGradients<T> nd, LayerCase<T> c)
    {
        if (!nd.InputGradient.Lengths.SequenceEqual(c.InputShape))
        {
            return Verdicts.Fail($"Gradients N-D: {convention} dX shape", Subject, shapes,
                $"expected [{string.Join(", ", c.InputShape)}], actual [{string.Join(", ", nd.InputGradient.Lengths.ToArray())}]");
        }

        return Verdicts.All(
            Verdicts.Identical($"Gradients N-D: {convention} dX = flattened", Subject, shapes, Matrices.Values(flat.InputGradient), Matrices.Values(nd.InputGradient), c.InFeatures),
            Verdicts.Identical($"Gradients N-D: {convention} weight gradient = flattened", Subject, shapes, Matrices.Values(flat.WeightGradient), Matrices.Values(nd.WeightGradient), Math.Max(1, (int)nd.WeightGradient.Lengths[^1])),
            Verdicts.Identical($"Gradients N-D: {convention} db = flattened", Subject, shapes,
                flat.BiasGradient is null ? [] : Matrices.Values(flat.BiasGradient), nd.BiasGradient is null ? [] : Matrices.Values(nd.BiasGradient), c.OutFeatures));
    }

    private static string? ShapeProblem(string what, Tensor<T> tensor, nint[] expected) =>
        tensor.Lengths.SequenceEqual(expected)
            ? null
            : $"{what}: expected [{string.Join(", ", expected)}], actual [{string.Join(", ", tensor.Lengths.ToArray())}]";

    private static string? BiasProblem(string what, Tensor<T>? bias, bool present, int length) =>
        present == bias is not null && (bias is null || (bias.Rank == 1 && bias.Lengths[0] == length))
            ? null
            : $"{what}: expected {(present ? $"[{length}]" : "no bias gradient")}, actual {(bias is null ? "none" : $"[{string.Join(", ", bias.Lengths.ToArray())}]")}";
}
