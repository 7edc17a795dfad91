using System.Numerics.Tensors;
using DenseLinear.IO;
using DenseLinear.Kernels;
using DenseLinear.Layers;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Properties.Limits;

/// <summary>
/// The checks behind <see cref="EntryPointSweepProperties"/>: each call is held to <see cref="ShapeContract"/>, and
/// every buffer a call was given is compared with its copy from before, bitwise.
/// </summary>
internal static class Sweep
{
    public static Property Layer(LayerShapeCase c)
    {
        var failures = new List<string>();
        GeneratedTensor[] given = c.Bias is null ? [c.Weight, c.Input, c.Other] : [c.Weight, c.Bias, c.Input, c.Other];
        float[][] before = [.. given.Select(t => (float[])t.Buffer.Clone())];

        bool isLayer = ShapeContract.IsLayer(c.Weight.Lengths, c.Bias?.Lengths, c.OutputAxis);
        IDenseLayer<float>? layer = null;
        Expect(failures, "constructor", isLayer, () =>
        {
            layer = c.Keras
                ? new DenseLayer<float>(c.Weight.Tensor(), c.Bias?.Tensor(), Activation.Linear, NaiveKernel<float>.Instance)
                : new LinearLayer<float>(c.Weight.Tensor(), c.Bias?.Tensor(), NaiveKernel<float>.Instance);
            return null;
        });

        bool wrote = false;
        if (layer is not null)
        {
            nint[]? output = ShapeContract.Output(c.Input.Lengths, layer.InFeatures, layer.OutFeatures, c.MinimumRank);
            Tensor<float>? result = null;
            Expect(failures, "Forward", output is not null, () =>
            {
                result = layer.Forward(c.Input.Span());
                return Shape("output", result.Lengths, output);
            });

            bool fitsGradient = output is not null && c.Other.Lengths.AsSpan().SequenceEqual(output);

            // A broadcast destination of more than one element would hold them all in one place.
            bool fitsDestination = fitsGradient && (c.Other.Storage != TensorStorage.Broadcast || ShapeContract.Count(c.Other.Lengths) <= 1);
            Expect(failures, "Forward into the destination", fitsDestination, () =>
            {
                layer.Forward(c.Input.Span(), c.Other.WritableSpan());
                wrote = true;
                return null;
            });

            Expect(failures, "Backward", fitsGradient, () =>
            {
                LayerGradients<float> gradients = c.Keras
                    ? ((DenseLayer<float>)layer).Backward(c.Input.Span(), c.Other.Span())
                    : ((LinearLayer<float>)layer).Backward(c.Input.Span(), c.Other.Span());
                return Shape("dX", gradients.InputGradient.Lengths, c.Input.Lengths) ?? Shape("dW", gradients.WeightGradient.Lengths, c.Weight.Lengths);
            });

            Expect(failures, "conversion", true, () =>
            {
                IDenseLayer<float> converted = layer is LinearLayer<float> linear ? WeightConversion.ToKeras(linear) : WeightConversion.ToPyTorch((DenseLayer<float>)layer);
                return converted.InFeatures == layer.InFeatures && converted.OutFeatures == layer.OutFeatures ? null : "the converted layer has other widths";
            });
        }

        bool transposes = c.Weight.Lengths.Length == 2 && ShapeContract.Fits(c.Weight.Lengths);
        Expect(failures, "WeightConversion.Transpose", transposes, () =>
            Shape("transpose", WeightConversion.Transpose(c.Weight.Span()).Lengths, transposes ? [c.Weight.Lengths[1], c.Weight.Lengths[0]] : null));
        Expect(failures, "StoredTensor.FromTensor", ShapeContract.Fits(c.Input.Lengths), () =>
            StoredTensor.FromTensor(c.Input.Span()).Shape.ToArray().SequenceEqual(c.Input.Lengths.Select(l => (long)l)) ? null : "the stored shape differs");

        for (int i = 0; i < given.Length; i++)
        {
            bool destination = ReferenceEquals(given[i], c.Other);
            if (!(destination && wrote) && !given[i].Buffer.AsSpan().SequenceEqual(before[i]))
            {
                failures.Add($"the {(destination ? "destination or dY" : "input")} {given[i]} was written");
            }
        }

        return failures.Count == 0 ? Prop.ToProperty(true) : Prop.Label(false, $"{c} | {string.Join("; ", failures)}");
    }

    public static Property Composition(nint input, nint hidden, nint secondIn, nint output, bool firstBias, bool secondBias)
    {
        var first = new LinearLayer<float>(Broadcast.Tensor(1, hidden, input), firstBias ? Broadcast.Tensor(1, hidden) : null, NaiveKernel<float>.Instance);
        var second = new LinearLayer<float>(Broadcast.Tensor(1, output, secondIn), secondBias ? Broadcast.Tensor(1, output) : null, NaiveKernel<float>.Instance);
        var keras = (First: WeightConversion.ToKeras(first), Second: WeightConversion.ToKeras(second));
        bool fits = hidden == secondIn && ShapeContract.Fits([output, input]) && (!(firstBias || secondBias) || ShapeContract.Fits([output]));
        var failures = new List<string>();
        Expect(failures, "PyTorch Compose", fits, () => Shape("weight", LayerComposition.Compose(first, second).Weight.Lengths, fits ? [output, input] : null));
        Expect(failures, "Keras Compose", fits, () => Shape("kernel", LayerComposition.Compose(keras.First, keras.Second).Kernel.Lengths, fits ? [input, output] : null));
        string shapes = $"W₁ [{hidden}, {input}]{(firstBias ? " + b₁" : string.Empty)}, W₂ [{output}, {secondIn}]{(secondBias ? " + b₂" : string.Empty)}";
        return failures.Count == 0 ? Prop.ToProperty(true) : Prop.Label(false, $"{shapes} | {string.Join("; ", failures)}");
    }

    public static Property Factories(int inFeatures, int outFeatures, bool bias)
    {
        bool fits = inFeatures >= 0 && outFeatures >= 0 && ShapeContract.Fits([outFeatures, inFeatures]) && (!bias || ShapeContract.Fits([outFeatures]));
        var failures = new List<string>();
        Expect(failures, "LinearLayer.Create", fits, () => Shape("weight", LinearLayer<float>.Create(inFeatures, outFeatures, bias, seed: 1).Weight.Lengths, [outFeatures, inFeatures]));
        Expect(failures, "DenseLayer.Create", fits, () => Shape("kernel", DenseLayer<float>.Create(inFeatures, outFeatures, seed: 1, useBias: bias).Kernel.Lengths, [inFeatures, outFeatures]));
        return failures.Count == 0
            ? Prop.ToProperty(true)
            : Prop.Label(false, $"in {inFeatures}, out {outFeatures}, bias {bias} | {string.Join("; ", failures)}");
    }

    // Runs call, which returns null or what is wrong with its result, and records how it differs from the contract.
    private static void Expect(List<string> failures, string name, bool fits, Func<string?> call)
    {
        try
        {
            string? wrong = call();
            if (!fits)
            {
                failures.Add($"{name} accepted shapes that do not fit");
            }
            else if (wrong is not null)
            {
                failures.Add($"{name}: {wrong}");
            }
        }
        catch (ArgumentException e) when (!fits)
        {
            _ = e;
        }
        catch (ArgumentException e)
        {
            failures.Add($"{name} refused shapes that fit: {e.Message}");
        }
#pragma warning disable CA1031 // Anything but an ArgumentException is the defect this property looks for.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failures.Add($"{name} threw {e.GetType().Name}: {e.Message}");
        }
    }

    private static string? Shape(string what, ReadOnlySpan<nint> actual, nint[]? expected) =>
        expected is not null && actual.SequenceEqual(expected) ? null : $"{what} is {TensorShape.Format(actual)}, expected {(expected is null ? "a refusal" : TensorShape.Format(expected))}";
}
