using System.Numerics.Tensors;
using DenseLinear.IO;
using DenseLinear.Layers;
using Xunit;

namespace DenseLinear.Interop.Tests.Formats;

/// <summary>
/// PyTorch safetensors → LinearLayer → Keras .npy → DenseLayer → PyTorch safetensors reproduces the first file's
/// bytes: loading, the conventions' transpose and saving only move values.
/// </summary>
public sealed class LayerWeightFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("denselinear-interop-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_state_dict_survives_both_conventions_bitwise()
    {
        // A PyTorch fc1 = Linear(3, 2): weight [out=2, in=3], bias [2], next to another module's entry.
        StoredTensor weight = StoredTensor.Create<float>([1.5f, -0f, float.Epsilon, 7, BitConverter.UInt32BitsToSingle(0x7FC0_0042), -3], 2, 3);
        StoredTensor bias = StoredTensor.Create<float>([0.25f, -1e-30f], 2);
        var stateDict = new SafetensorsContent([new("fc1.weight", weight), new("fc1.bias", bias)]);
        string torchFile = Path.Combine(directory, "model.safetensors");
        SafetensorsFile.WriteFile(torchFile, stateDict);

        LinearLayer<float> linear = LayerWeightFiles.LoadLinear<float>(torchFile, "fc1");
        Assert.Equal((3, 2), (linear.InFeatures, linear.OutFeatures));

        DenseLayer<float> dense = WeightConversion.ToKeras(linear);
        string kernelFile = Path.Combine(directory, "kernel.npy");
        string biasFile = Path.Combine(directory, "bias.npy");
        LayerWeightFiles.SaveDense(dense, kernelFile, biasFile);
        StoredTensor kernel = NpyFile.ReadFile(kernelFile);
        Assert.Equal([3L, 2L], kernel.Shape.ToArray());
        Assert.True(StoredTensor.FromTensor<float>(WeightConversion.Transpose<float>(weight.ToTensor<float>())).BitwiseEquals(kernel));

        DenseLayer<float> reloaded = LayerWeightFiles.LoadDense<float>(kernelFile, biasFile);
        string roundTripFile = Path.Combine(directory, "round-trip.safetensors");
        LayerWeightFiles.SaveLinear(WeightConversion.ToPyTorch(reloaded), roundTripFile, "fc1");
        Assert.Equal(File.ReadAllBytes(torchFile), File.ReadAllBytes(roundTripFile));
    }

    [Fact]
    public void Double_layers_without_bias_round_trip_too()
    {
        var kernel = Tensor.Create<double>([1, 2, 3, 4, 5, 6], [2, 3]);
        var dense = new DenseLayer<double>(kernel);
        string kernelFile = Path.Combine(directory, "k.npy");
        LayerWeightFiles.SaveDense(dense, kernelFile, biasPath: null);
        LinearLayer<double> linear = WeightConversion.ToPyTorch(LayerWeightFiles.LoadDense<double>(kernelFile, null));
        Assert.False(linear.HasBias);
        SafetensorsContent stateDict = LayerWeightFiles.ToStateDict(linear, string.Empty);
        Assert.Equal(["weight"], stateDict.Names);
        Assert.Equal([1d, 4, 2, 5, 3, 6], stateDict["weight"].GetValues<double>().ToArray());
    }

    [Fact]
    public void A_bf16_or_f16_state_dict_builds_float_and_double_layers_by_exact_widening()
    {
        // torch's model.to(torch.bfloat16).state_dict(): both tensors 16-bit; a bias may also stay float32.
        StoredTensor weight = StoredTensor.Create([.. new ushort[] { 0x3FC0, 0x8001, 0x7F7F, 0xC000, 0x0000, 0x3EAB }.Select(BFloat16.FromBits)], 2, 3);
        StoredTensor bias = StoredTensor.Create<Half>([(Half)0.5f, BitConverter.UInt16BitsToHalf(0x0001)], 2);
        string file = Path.Combine(directory, "bf16.safetensors");
        SafetensorsFile.WriteFile(file, new SafetensorsContent([new("fc1.weight", weight), new("fc1.bias", bias)]));

        LinearLayer<float> single = LayerWeightFiles.LoadLinear<float>(file, "fc1");
        Assert.Equal(weight.ToTensor<float>().ToArray(), Values(single.Weight));
        Assert.Equal([0.5f, MathF.ScaleB(1, -24)], Values(single.Bias));
        LinearLayer<double> wide = LayerWeightFiles.LoadLinear<double>(file, "fc1");
        Assert.Equal(weight.ToTensor<double>().ToArray(), Values(wide.Weight));

        var mixed = new SafetensorsContent([new("weight", weight), new("bias", StoredTensor.Create<float>([1f, 2f], 2))]);
        Assert.Equal([1f, 2f], Values(LayerWeightFiles.ReadLinear<float>(mixed, string.Empty).Bias));
        Assert.Contains("with a Float32 bias; a Double layer needs Float64, BFloat16 or Float16", RejectDouble(new SafetensorsContent([new("fc1.weight", weight), new("fc1.bias", StoredTensor.Create<float>([1f, 2f], 2))])), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_state_dicts_that_do_not_make_the_layer()
    {
        StoredTensor weight = StoredTensor.Create<float>(new float[6], 2, 3);
        Assert.Contains("no 'fc2.weight'", Reject(new SafetensorsContent([new("fc1.weight", weight)]), "fc2"), StringComparison.Ordinal);
        Assert.Contains("needs Float64", RejectDouble(new SafetensorsContent([new("fc1.weight", weight)])), StringComparison.Ordinal);
        Assert.Contains("must be a matrix", Reject(new SafetensorsContent([new("fc1.weight", StoredTensor.Create<float>(new float[6], 1, 2, 3))]), "fc1"), StringComparison.Ordinal);
        Assert.Contains("bias must be [2]", Reject(new SafetensorsContent([new("fc1.weight", weight), new("fc1.bias", StoredTensor.Create<float>(new float[3], 3))]), "fc1"), StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => LayerWeightFiles.ReadDense<float>(StoredTensor.Create<float>(new float[6], 2, 3), StoredTensor.Create<float>(new float[2], 2)));
    }

    [Fact]
    public void SaveDense_refuses_to_drop_or_invent_a_bias()
    {
        var withBias = new DenseLayer<float>(Tensor.Create<float>([1, 2], [1, 2]), Tensor.Create<float>([3, 4], [2]));
        Assert.Throws<ArgumentException>(() => LayerWeightFiles.SaveDense(withBias, Path.Combine(directory, "k.npy"), null));
        var without = new DenseLayer<float>(Tensor.Create<float>([1, 2], [1, 2]));
        Assert.Throws<ArgumentException>(() => LayerWeightFiles.SaveDense(without, Path.Combine(directory, "k.npy"), Path.Combine(directory, "b.npy")));
    }

    private static T[] Values<T>(ReadOnlyTensorSpan<T> tensor)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> => StoredTensor.FromTensor(tensor).GetValues<T>().ToArray();

    private static string Reject(SafetensorsContent stateDict, string prefix) =>
        Assert.Throws<InvalidDataException>(() => LayerWeightFiles.ReadLinear<float>(stateDict, prefix)).Message;

    private static string RejectDouble(SafetensorsContent stateDict) =>
        Assert.Throws<InvalidDataException>(() => LayerWeightFiles.ReadLinear<double>(stateDict, "fc1")).Message;
}
