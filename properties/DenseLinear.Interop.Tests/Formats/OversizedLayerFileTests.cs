using System.Numerics.Tensors;
using DenseLinear.IO;
using DenseLinear.Layers;
using Xunit;

namespace DenseLinear.Interop.Tests.Formats;

/// <summary>
/// Files of about a hundred bytes whose shapes are legal but whose forward pass would exceed an array: an empty
/// weight [n, 0] loads (it holds nothing), and Forward on one row is refused with an ArgumentException naming the
/// output [1, n], never an OutOfMemoryException.
/// </summary>
public sealed class OversizedLayerFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("denselinear-oversized-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData(2147483592)] // Array.MaxLength + 1
    [InlineData(int.MaxValue)]
    public void A_safetensors_Linear_of_n_outputs_loads_and_its_forward_pass_is_refused(int n)
    {
        string file = Path.Combine(directory, "wide.safetensors");
        SafetensorsFile.WriteFile(file, new SafetensorsContent([new("fc.weight", StoredTensor.Create<float>([], n, 0))]));
        Assert.True(new FileInfo(file).Length < 200);

        LinearLayer<float> layer = LayerWeightFiles.LoadLinear<float>(file, "fc");
        Assert.Equal((0, n), (layer.InFeatures, layer.OutFeatures));
        AssertOutputRefused("PyTorch Linear", n, () => layer.Forward(Tensor.Create(Array.Empty<float>(), [1, 0])));
        Assert.Equal([0, n], layer.Forward(Tensor.Create(Array.Empty<float>(), [0, 0])).Lengths.ToArray());
    }

    [Theory]
    [InlineData(2147483592)]
    [InlineData(int.MaxValue)]
    public void An_npy_Dense_kernel_of_n_units_loads_and_its_forward_pass_is_refused(int n)
    {
        string file = Path.Combine(directory, "kernel.npy");
        NpyFile.WriteFile(file, StoredTensor.Create<float>([], 0, n));
        DenseLayer<float> layer = LayerWeightFiles.LoadDense<float>(file, biasPath: null);
        Assert.Equal((0, n), (layer.InFeatures, layer.Units));
        float[] destination = [-7f];
        AssertOutputRefused("Keras Dense", n, () => layer.Forward(Tensor.Create(Array.Empty<float>(), [1, 0]), new TensorSpan<float>(destination)));
        Assert.Equal(-7f, destination[0]);
    }

    [Fact]
    public void A_weight_wider_than_an_int_is_refused_as_invalid_data()
    {
        string file = Path.Combine(directory, "too-wide.safetensors");
        SafetensorsFile.WriteFile(file, new SafetensorsContent([new("weight", StoredTensor.Create<float>([], 1L << 32, 0))]));
        Assert.Throws<InvalidDataException>(() => LayerWeightFiles.LoadLinear<float>(file, string.Empty));
    }

    private static void AssertOutputRefused(string convention, int n, Action forward)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(forward);
        Assert.StartsWith($"{convention}: output [1, {n}] has more elements than an array holds:", e.Message, StringComparison.Ordinal);
    }
}
