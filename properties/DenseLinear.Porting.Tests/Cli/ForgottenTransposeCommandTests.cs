using DenseLinear.IO;
using DenseLinear.Porting.Tests.Porting;
using Xunit;

namespace DenseLinear.Porting.Tests.Cli;

/// <summary>The CLI on ports with a weight left in the other framework's layout: named by compare and inspect, refused by convert.</summary>
public sealed class ForgottenTransposeCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("denselinear-forgotten-").FullName;

    public void Dispose() => Directory.Delete(folder, true);

    [Theory]
    [InlineData("that.keras", "fc1 (layers/dense/vars/0)")]
    [InlineData("that.weights.h5", "dense (layers/dense/vars/0)")]
    public void Compare_names_a_keras_kernel_stored_units_in_exit_1(string port, string layerB)
    {
        StoredModel torch = TestModels.PyTorch(5, 4, 8, 3);
        string original = Path.Combine(folder, "mlp.pt"), broken = Path.Combine(folder, port);
        PyTorchCheckpointFile.WriteFile(original, torch.ToStateDict());
        File.WriteAllBytes(broken, port.EndsWith(".keras", StringComparison.Ordinal) ? ForgottenTransposeFiles.KerasArchive(torch, 0) : ForgottenTransposeFiles.KerasWeights(torch, 0));

        CliRun run = CliRun.Of("compare", original, broken);
        Assert.Equal(1, run.Exit);
        Assert.Contains($"  - Layer 0 fc1 (fc1.weight) / {layerB}: forgotten transpose in B's file: the kernel is stored [8, 4] = [units, in]", run.Output, StringComparison.Ordinal);
        Assert.Contains("Verdict: different function (1 finding).", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_names_a_safetensors_weight_stored_in_out_exit_1()
    {
        StoredModel torch = TestModels.PyTorch(5, 4, 8, 3);
        string original = Path.Combine(folder, "mlp.keras"), broken = Path.Combine(folder, "that.safetensors");
        KerasModelFile.WriteArchiveFile(original, torch);
        SafetensorsFile.WriteFile(broken, ForgottenTransposeFiles.StateDict(torch, 0));

        CliRun run = CliRun.Of("compare", original, broken);
        Assert.Equal(1, run.Exit);
        Assert.Contains("  - Layer 0 fc1 (layers/dense/vars/0) / fc1 (fc1.weight): forgotten transpose in B's file: the weight is stored [4, 8] = [in, out], Keras' layout; the bias [8] says PyTorch's [out, in] is [8, 4]. Read as it is laid out, the weight is A's.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bundled_forgotten_port_names_fc1_exit_1()
    {
        CliRun run = CliRun.Of("compare", CliRun.Sample("mlp.pt"), CliRun.Sample("forgotten.keras"));
        Assert.Equal(1, run.Exit);
        Assert.Contains("  - Layer 0 fc1 (fc1.weight) / fc1 (layers/dense/vars/0): forgotten transpose in B's file: the kernel is stored [8, 4] = [units, in], PyTorch's layout; the bias [8] and units=8 say Keras' [in, units] is [4, 8]. Read as it is laid out, the weight is A's.", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Inspect_shows_the_layout_mismatch_on_the_layers_line()
    {
        CliRun run = CliRun.Of("inspect", CliRun.Sample("forgotten.keras"));
        Assert.Equal(0, run.Exit);
        Assert.Contains("  0  fc1: 4 -> 8, weight W [out, in] float32 [8, 4] (layers/dense/vars/0), bias float32 [8] (layers/dense/vars/1), activation relu; layout mismatch: the kernel is stored [8, 4] = [units, in]", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("layout mismatch", run.Output.Split('\n')[2], StringComparison.Ordinal);
        Assert.Contains("\"layoutMismatch\": \"the kernel is stored [8, 4]", CliRun.Of("inspect", CliRun.Sample("forgotten.keras"), "--json").Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("back.pt")]
    [InlineData("back.keras")]
    public void Convert_refuses_a_layout_mismatch_exit_2(string target)
    {
        CliRun run = CliRun.Of("convert", CliRun.Sample("forgotten.keras"), Path.Combine(folder, target));
        Assert.Equal(2, run.Exit);
        Assert.Contains("Layer 'fc1' cannot be converted", run.Error, StringComparison.Ordinal);
        Assert.Contains("a forgotten transpose. Keras could not load that file either", run.Error, StringComparison.Ordinal);
    }
}
