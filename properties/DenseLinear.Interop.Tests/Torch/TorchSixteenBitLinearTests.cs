using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using DenseLinear.Accuracy;
using DenseLinear.IO;
using DenseLinear.Layers;
using Xunit;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// Debian's torch 1.13 computes <c>F.linear</c> in bfloat16 on the CPU with float accumulation and returns y rounded
/// to bfloat16. A float layer that keeps the same bfloat16 weights (<see cref="LinearLayer{T}.FromSixteenBit"/>) must
/// lie within float's bound of the exact product, and torch within that bound plus one rounding to bfloat16
/// (<see cref="ErrorBound.SixteenBitOutput{TWeight}"/>). (torch 1.13 has no float16 addmm on the CPU.)
/// </summary>
public sealed class TorchSixteenBitLinearTests
{
    public const int Cases = 300;

    [TorchFact]
    public void Torch_bfloat16_linear_and_the_bfloat16_layer_agree_within_the_bound()
    {
        var random = new Random(2029);
        for (int trial = 0; trial < Cases; trial++)
        {
            int m = random.Next(1, 9), k = random.Next(1, 80), n = random.Next(1, 50);
            bool withBias = trial % 3 != 0;
            BFloat16[] x = Values(random, m * k), w = Values(random, n * k), b = withBias ? Values(random, n) : [];
            JsonObject reply = TorchWorker.Shared.Ask(new JsonObject
            {
                ["linear16"] = "bfloat16",
                ["x_shape"] = TorchWorker.Shape([m, k]),
                ["x"] = TorchWorker.Hex<ushort>(Bits(x)),
                ["w_shape"] = TorchWorker.Shape([n, k]),
                ["w"] = TorchWorker.Hex<ushort>(Bits(w)),
                ["b"] = withBias ? TorchWorker.Hex<ushort>(Bits(b)) : null,
            });
            float[] torch = [.. TorchWorker.Values<ushort>(reply["y"]).Select(bits => (float)BFloat16.FromBits(bits))];

            LinearLayer<float> layer = LinearLayer<float>.FromSixteenBit(
                StoredTensor.Create(w, n, k), withBias ? StoredTensor.Create(b, n) : null);
            Assert.Equal(TensorDType.BFloat16, layer.WeightDType);
            float[] xWide = Widened(x);
            var ours = new float[m * n];
            layer.Forward(Tensor.Create(xWide, [m, k])).FlattenTo(ours);

            ExactReference<float> reference = ExactReference<float>.Multiply(xWide, Widened(w), m, k, n, WeightLayout.OutIn, withBias ? Widened(b) : []);
            for (int i = 0; i < m * n; i++)
            {
                double exact = reference.Values[i];
                double bound = reference.Bound(i);
                string where = $"case {trial}: x [{m}×{k}] · W [{n}×{k}]ᵀ{(withBias ? " + b" : string.Empty)}, y[{i / n},{i % n}], exact {exact:R}";
                Assert.True(Math.Abs(ours[i] - exact) <= bound, $"{where}: ours {ours[i]:R}, bound {bound:R}");
                double torchBound = ErrorBound.SixteenBitOutput<BFloat16>(bound, exact);
                Assert.True(Math.Abs(torch[i] - exact) <= torchBound, $"{where}: torch {torch[i]:R}, bound {torchBound:R}");
            }
        }
    }

    [TorchFact]
    public void The_bfloat16_file_torch_wrote_round_trips_and_loads_into_a_layer_that_agrees_with_torch()
    {
        string path = Path.Combine(TorchFixtures.Directory, "linear_bf16.safetensors");
        byte[] written = File.ReadAllBytes(path);
        SafetensorsContent file = SafetensorsFile.ReadFile(path);
        Assert.Equal(written, SafetensorsFile.ToBytes(file));
        LinearLayer<float> layer = LayerWeightFiles.ReadLinear<float>(file, string.Empty);
        Assert.Equal(TensorDType.BFloat16, layer.WeightDType);
        Assert.True(file.TryGetTensor("weight", out StoredTensor? weight));
        Assert.True(file.TryGetTensor("bias", out StoredTensor? bias));
        int n = layer.OutFeatures, k = layer.InFeatures, m = 6;
        BFloat16[] x = Values(new Random(2031), m * k);
        JsonObject reply = TorchWorker.Shared.Ask(new JsonObject
        {
            ["linear16"] = "bfloat16",
            ["x_shape"] = TorchWorker.Shape([m, k]),
            ["x"] = TorchWorker.Hex<ushort>(Bits(x)),
            ["w_shape"] = TorchWorker.Shape([n, k]),
            ["w"] = TorchWorker.Hex<ushort>(Bits(weight!.GetBFloat16Values().ToArray())),
            ["b"] = TorchWorker.Hex<ushort>(Bits(bias!.GetBFloat16Values().ToArray())),
        });
        float[] torch = [.. TorchWorker.Values<ushort>(reply["y"]).Select(bits => (float)BFloat16.FromBits(bits))];
        float[] xWide = Widened(x);
        var ours = new float[m * n];
        layer.Forward(Tensor.Create(xWide, [m, k])).FlattenTo(ours);
        ExactReference<float> reference = ExactReference<float>.Multiply(
            xWide, Widened(weight.GetBFloat16Values().ToArray()), m, k, n, WeightLayout.OutIn, Widened(bias.GetBFloat16Values().ToArray()));
        for (int i = 0; i < m * n; i++)
        {
            double exact = reference.Values[i], bound = reference.Bound(i);
            Assert.True(Math.Abs(ours[i] - exact) <= bound, $"y[{i / n},{i % n}]: ours {ours[i]:R}, exact {exact:R}, bound {bound:R}");
            Assert.True(Math.Abs(torch[i] - exact) <= ErrorBound.SixteenBitOutput<BFloat16>(bound, exact), $"y[{i / n},{i % n}]: torch {torch[i]:R}, exact {exact:R}");
        }
    }

    private static BFloat16[] Values(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => (BFloat16)(float)((random.NextDouble() * 4) - 2))];

    private static ushort[] Bits(BFloat16[] values) => [.. MemoryMarshal.Cast<BFloat16, ushort>(values)];

    private static float[] Widened(BFloat16[] values) => [.. values.Select(v => (float)v)];
}
