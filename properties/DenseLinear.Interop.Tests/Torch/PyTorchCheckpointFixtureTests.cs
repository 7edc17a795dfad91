using System.Text.Json;
using DenseLinear.IO;
using Xunit;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// Files torch 1.13's <c>torch.save</c> wrote (Linear layers, an nn.Sequential MLP, a transposed view, two views of
/// one storage, 0-d and empty tensors, float16/bfloat16) read back bitwise equal to the values torch saved; the
/// <c>.npy</c> files numpy wrote (formats 1.0, 2.0, 3.0, Fortran order, big-endian, 0-d, empty) likewise.
/// </summary>
public sealed class PyTorchCheckpointFixtureTests
{
    public static TheoryDataNames PtFiles => TorchFixtures.Rows("pt");

    public static TheoryDataNames NpyFiles => TorchFixtures.Rows("npy");

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
        foreach (string form in (string[])["v1_", "v2_", "v3_", "fortran", "big_endian", "zero_d", "empty"])
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
