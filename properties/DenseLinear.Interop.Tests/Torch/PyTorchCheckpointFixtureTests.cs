using System.Text.Json;
using DenseLinear.IO;
using DenseLinear.Layers;
using Xunit;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// Files torch 1.13's <c>torch.save</c> wrote (Linear layers in float32, float64, bfloat16 and float16, an
/// nn.Sequential MLP, a transposed view, two views of one storage, 0-d and empty tensors, 16-bit NaNs and subnormals)
/// read back bitwise equal to the values torch saved, the 16-bit ones as stored; the <c>.safetensors</c> files laid
/// out from torch's bfloat16 and float16 tensors likewise, and our writer gives their bytes back, from them and from
/// their <c>.pt</c> twins; the <c>.npy</c> files numpy wrote (formats 1.0, 2.0, 3.0, Fortran order, big-endian, 0-d,
/// empty, float16) likewise.
/// </summary>
public sealed class PyTorchCheckpointFixtureTests
{
    public static TheoryDataNames PtFiles => TorchFixtures.Rows("pt");

    public static TheoryDataNames NpyFiles => TorchFixtures.Rows("npy");

    public static TheoryDataNames SafetensorsFiles => TorchFixtures.Rows("safetensors");

    [Theory]
    [MemberData(nameof(PtFiles))]
    public void A_torch_save_file_reads_back_bitwise_as_torch_saved_it(string file)
    {
        using JsonDocument manifest = TorchFixtures.Manifest();
        JsonElement expected = manifest.RootElement.GetProperty("pt").GetProperty(file).GetProperty("tensors");
        SafetensorsContent content = PyTorchCheckpointFile.ReadFile(Path.Combine(TorchFixtures.Directory, file));
        string[] names = [.. expected.EnumerateObject().Select(p => p.Name)];
        Assert.Equal(names.Order(StringComparer.Ordinal), content.Names.Order(StringComparer.Ordinal));
        foreach (JsonProperty tensor in expected.EnumerateObject())
        {
            StoredTensor want = TorchFixtures.Expected(tensor.Value, TorchFixtures.DTypeOf(tensor.Value.GetProperty("dtype").GetString()!));
            StoredTensor got = content[tensor.Name];
            Assert.True(want.BitwiseEquals(got), $"{file} '{tensor.Name}': expected {want}, read {got}");
        }
    }

    [Theory]
    [MemberData(nameof(SafetensorsFiles))]
    public void A_safetensors_file_of_torch_tensors_reads_back_bitwise_and_is_written_back_byte_for_byte(string file)
    {
        using JsonDocument manifest = TorchFixtures.Manifest();
        JsonElement expected = manifest.RootElement.GetProperty("safetensors").GetProperty(file).GetProperty("tensors");
        byte[] bytes = File.ReadAllBytes(Path.Combine(TorchFixtures.Directory, file));
        SafetensorsContent content = SafetensorsFile.Read(bytes);
        Assert.Equal(expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal), content.Names.Order(StringComparer.Ordinal));
        foreach (JsonProperty tensor in expected.EnumerateObject())
        {
            StoredTensor want = TorchFixtures.Expected(tensor.Value, TorchFixtures.DTypeOf(tensor.Value.GetProperty("dtype").GetString()!));
            Assert.True(want.BitwiseEquals(content[tensor.Name]), $"{file} '{tensor.Name}': expected {want}, read {content[tensor.Name]}");
        }

        Assert.Equal(bytes, SafetensorsFile.ToBytes(content));
    }

    [Theory]
    [MemberData(nameof(SafetensorsFiles))]
    public void The_torch_save_twin_of_a_safetensors_file_is_written_as_that_file(string file)
    {
        SafetensorsContent fromTorchSave = PyTorchCheckpointFile.ReadFile(Path.Combine(TorchFixtures.Directory, Path.ChangeExtension(file, ".pt")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(TorchFixtures.Directory, file)), SafetensorsFile.ToBytes(fromTorchSave));
    }

    [Theory]
    [InlineData("linear_bf16.pt", TensorDType.BFloat16)]
    [InlineData("linear_f16.pt", TensorDType.Float16)]
    public void A_16_bit_torch_save_file_keeps_its_dtype_and_builds_a_float_layer_by_exact_widening(string file, TensorDType dtype)
    {
        SafetensorsContent content = PyTorchCheckpointFile.ReadFile(Path.Combine(TorchFixtures.Directory, file));
        Assert.All(content.Names, name => Assert.Equal(dtype, content[name].DType));
        LinearLayer<float> layer = LayerWeightFiles.ReadLinear<float>(content, string.Empty);
        Assert.Equal((5, 4), (layer.InFeatures, layer.OutFeatures));
        Assert.True(content["weight"].ConvertTo(TensorDType.Float32).BitwiseEquals(StoredTensor.FromTensor(layer.Weight)));
        Assert.True(content["bias"].ConvertTo(TensorDType.Float32).BitwiseEquals(StoredTensor.FromTensor(layer.Bias)));
    }

    [Theory]
    [MemberData(nameof(NpyFiles))]
    public void A_numpy_file_reads_back_bitwise_as_numpy_saved_it(string file)
    {
        using JsonDocument manifest = TorchFixtures.Manifest();
        JsonElement expected = manifest.RootElement.GetProperty("npy").GetProperty(file);
        StoredTensor want = TorchFixtures.Expected(expected, TorchFixtures.DTypeOf(expected.GetProperty("dtype").GetString()!));
        StoredTensor got = NpyFile.ReadFile(Path.Combine(TorchFixtures.Directory, file));
        Assert.True(want.BitwiseEquals(got), $"{file}: expected {want}, read {got}");
    }

    [Fact]
    public void The_fixtures_cover_the_forms_the_issue_names()
    {
        string[] pt = TorchFixtures.Names("pt");
        string[] npy = TorchFixtures.Names("npy");
        Assert.Contains("transposed_f32.pt", pt);
        Assert.Contains("shared_storage_f64.pt", pt);
        Assert.Contains("mlp_f32.pt", pt);
        Assert.Contains("mlp_f64.pt", pt);
        Assert.Contains("linear_bf16.pt", pt);
        Assert.Contains("linear_f16.pt", pt);
        Assert.Contains("half_and_bfloat16.pt", pt);
        Assert.Equal(["linear_bf16.safetensors", "linear_f16.safetensors"], TorchFixtures.Names("safetensors").Order(StringComparer.Ordinal));
        foreach (string form in (string[])["v1_", "v2_", "v3_", "fortran", "big_endian", "zero_d", "empty", "f2", "big_endian_fortran_f2"])
        {
            Assert.Contains(npy, name => name.StartsWith(form, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_transposed_view_is_read_in_its_logical_order_not_its_storage_order()
    {
        StoredTensor weight = PyTorchCheckpointFile.ReadFile(Path.Combine(TorchFixtures.Directory, "transposed_f32.pt"))["weight"];
        Assert.Equal([4L, 3L], weight.Shape.ToArray());
        using JsonDocument manifest = TorchFixtures.Manifest();
        StoredTensor contiguous = TorchFixtures.Expected(manifest.RootElement.GetProperty("pt").GetProperty("transposed_f32.pt").GetProperty("tensors").GetProperty("weight"), TensorDType.Float32);
        Assert.True(contiguous.BitwiseEquals(weight));
    }

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public void A_pickle_calling_any_other_global_is_refused_by_name(string file)
    {
        using JsonDocument manifest = TorchFixtures.Manifest();
        string global = manifest.RootElement.GetProperty("hostile").GetProperty(file).GetProperty("global").GetString()!;
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => PyTorchCheckpointFile.ReadFile(Path.Combine(TorchFixtures.Directory, file)));
        Assert.Contains($"'{global}'", e.Message, StringComparison.Ordinal);
    }

    public static TheoryDataNames HostileFiles => TorchFixtures.Rows("hostile");
}
