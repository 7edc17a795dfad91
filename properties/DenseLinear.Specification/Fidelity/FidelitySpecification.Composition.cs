using System.Globalization;
using System.Numerics.Tensors;
using DenseLinear.Accuracy;
using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification.Fidelity;

// Family 21: two affine layers in a row are one affine layer, within bounds derived from the parts.
public abstract partial class FidelitySpecification<T>
{
    /// <summary>
    /// PyTorch: layer 2 after layer 1 equals the exact map x·(W₂W₁)ᵀ + W₂b₁ + b₂ within
    /// <see cref="ErrorBound.ComposedThroughLayers{T}"/>, and the single layer with the composed (W₂·W₁, W₂·b₁ + b₂)
    /// equals it within <see cref="ErrorBound.ComposedLayer{T}"/>; the composed weight is [out, in].
    /// </summary>
    [SpecProperty]
    public virtual Property TwoPyTorchLayersEqualTheComposedLayer() =>
        Prop.ForAll(Generators.CompositionCases<T>(), c => Composition(c, keras: false));

    /// <summary>The same for Keras kernels: K = K₁·K₂ [in, units₂], b = b₁·K₂ + b₂, with K₁ = W₁ᵀ and K₂ = W₂ᵀ.</summary>
    [SpecProperty]
    public virtual Property TwoKerasLayersEqualTheComposedLayer() =>
        Prop.ForAll(Generators.CompositionCases<T>(), c => Composition(c, keras: true));

    private Property Composition(CompositionCase<T> c, bool keras)
    {
        string label = keras ? "Composition (Keras)" : "Composition (PyTorch)";
        string shapes = c.ToString();
        int rows = c.Rows, inFeatures = c.InFeatures, hidden = c.Hidden, outFeatures = c.OutFeatures;
        Tensor<T>? bias1 = c.Bias1 is null ? null : Tensor.Create((T[])c.Bias1.Clone(), [hidden]);
        Tensor<T>? bias2 = c.Bias2 is null ? null : Tensor.Create((T[])c.Bias2.Clone(), [outFeatures]);
        Tensor<T> input = Tensor.Create((T[])c.Input.Clone(), c.InputShape);
        Tensor<T> weight1 = Tensor.Create((T[])c.Weight1.Clone(), [hidden, inFeatures]);
        Tensor<T> weight2 = Tensor.Create((T[])c.Weight2.Clone(), [outFeatures, hidden]);
        Tensor<T> kernel1 = Tensor.Create(Matrices.Transpose<T>(c.Weight1, hidden, inFeatures), [inFeatures, hidden]);
        Tensor<T> kernel2 = Tensor.Create(Matrices.Transpose<T>(c.Weight2, outFeatures, hidden), [hidden, outFeatures]);

        // Through two layers.
        Tensor<T> h = keras ? CreateKerasLayer(kernel1, bias1, Activation.Linear).Forward(input) : CreatePyTorchLayer(weight1, bias1).Forward(input);
        T[] twoLayers = Matrices.Values(keras ? CreateKerasLayer(kernel2, bias2, Activation.Linear).Forward(h) : CreatePyTorchLayer(weight2, bias2).Forward(h));

        // Through the composed layer.
        Tensor<T> composedWeight;
        Tensor<T>? composedBias;
        try
        {
            (composedWeight, composedBias) = keras ? ComposeKeras(kernel1, bias1, kernel2, bias2) : ComposePyTorch(weight1, bias1, weight2, bias2);
        }
        catch (Exception e)
        {
            return Verdicts.Fail(label, Subject, shapes, $"composing threw {e.GetType().Name} on chaining layers: {e.Message}");
        }

        nint[] expectedShape = keras ? [inFeatures, outFeatures] : [outFeatures, inFeatures];
        if (!composedWeight.Lengths.SequenceEqual(expectedShape) || (composedBias is null) != (c.Bias1 is null && c.Bias2 is null))
        {
            return Verdicts.Fail(label, Subject, shapes,
                $"composed weight [{string.Join(", ", composedWeight.Lengths.ToArray())}], expected [{string.Join(", ", expectedShape)}]; bias {(composedBias is null ? "absent" : "present")}");
        }

        T[] oneLayer = Matrices.Values(keras ? CreateKerasLayer(composedWeight, composedBias, Activation.Linear).Forward(input) : CreatePyTorchLayer(composedWeight, composedBias).Forward(input));
        T[] composedOutIn = keras ? Matrices.Transpose<T>(Matrices.Values(composedWeight), inFeatures, outFeatures) : Matrices.Values(composedWeight);
        T[] composedBiasValues = composedBias is null ? [] : Matrices.Values(composedBias);

        // The exact composed map, to about double accuracy: two compensated products in double.
        double[] w1 = Widen(c.Weight1), w2 = Widen(c.Weight2), x = Widen(c.Input);
        double[] b1 = c.Bias1 is null ? [] : Widen(c.Bias1), b2 = c.Bias2 is null ? [] : Widen(c.Bias2);
        ExactReference<double> hidden1 = ExactReference<double>.Multiply(x, w1, rows, inFeatures, hidden, WeightLayout.OutIn, b1);
        ExactReference<double> exact = ExactReference<double>.Multiply(hidden1.Values.ToArray(), w2, rows, hidden, outFeatures, WeightLayout.OutIn, b2);

        // The parts' own bounds: layer 1 on x, layer 2 on the computed ĥ, the composed layer on x.
        ExactReference<T> layer1 = ExactReference<T>.Multiply(c.Input, c.Weight1, rows, inFeatures, hidden, WeightLayout.OutIn, c.Bias1);
        ExactReference<T> layer2 = ExactReference<T>.Multiply(Matrices.Values(h), c.Weight2, rows, hidden, outFeatures, WeightLayout.OutIn, c.Bias2);
        ExactReference<T> composedLayer = ExactReference<T>.Multiply(c.Input, composedOutIn, rows, inFeatures, outFeatures, WeightLayout.OutIn, composedBiasValues);
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < outFeatures; j++)
            {
                double propagated = 0, referenceError = exact.ReferenceErrors[(r * outFeatures) + j], biasGauge = b2.Length == 0 ? 0 : Math.Abs(b2[j]), productGauge = 0;
                for (int p = 0; p < hidden; p++)
                {
                    double w = Math.Abs(w2[(j * hidden) + p]);
                    propagated += w * layer1.Bound((r * hidden) + p);
                    referenceError += w * hidden1.ReferenceErrors[(r * hidden) + p];
                    biasGauge += b1.Length == 0 ? 0 : w * Math.Abs(b1[p]);
                    for (int i = 0; i < inFeatures; i++)
                    {
                        productGauge += w * Math.Abs(w1[(p * inFeatures) + i]) * Math.Abs(x[(r * inFeatures) + i]);
                    }
                }

                int index = (r * outFeatures) + j;
                double expected = exact.Values[index];
                double throughLayers = ErrorBound.ComposedThroughLayers<T>(hidden, layer2.Bound(index), propagated, referenceError);
                double composed = ErrorBound.ComposedLayer<T>(inFeatures, hidden, composedLayer.Gauges[index], productGauge, biasGauge, referenceError);
                double two = double.CreateChecked(twoLayers[index]), one = double.CreateChecked(oneLayer[index]);
                if (!(Math.Abs(two - expected) <= throughLayers))
                {
                    return Verdicts.Fail($"{label}: two layers", Subject, shapes, string.Create(CultureInfo.InvariantCulture,
                        $"y[{r},{j}]: exact composed {expected:R}, two layers {two:R}, |error| {Math.Abs(two - expected):R} > bound {throughLayers:R}"));
                }

                if (!(Math.Abs(one - expected) <= composed))
                {
                    return Verdicts.Fail($"{label}: composed layer", Subject, shapes, string.Create(CultureInfo.InvariantCulture,
                        $"y[{r},{j}]: exact composed {expected:R}, composed layer {one:R}, |error| {Math.Abs(one - expected):R} > bound {composed:R}"));
                }
            }
        }

        return Prop.ToProperty(true);
    }
}
