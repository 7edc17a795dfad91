using System.Text.Json;
using DenseLinear.IO;
using Xunit;

namespace DenseLinear.Porting.Tests.Cli;

/// <summary><c>denselinear compare</c> on the bundled example: exit 0 same, 1 different, 2 bad input.</summary>
public sealed class CompareCommandTests
{
    [Fact]
    public void The_bundled_port_is_the_same_function_exit_0()
    {
        CliRun run = CliRun.Of("compare", CliRun.Sample("mlp.pt"), CliRun.Sample("mlp.keras"));
        Assert.Equal(0, run.Exit);
        Assert.Contains("Verdict: same function.", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void The_broken_port_names_the_layer_and_the_mistake_exit_1()
    {
        CliRun run = CliRun.Of("compare", CliRun.Sample("mlp.pt"), CliRun.Sample("broken.keras"));
        Assert.Equal(1, run.Exit);
        Assert.Contains("fc2 (fc2.weight) / fc2 (layers/dense_1/vars/0): square weight transposed", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mlp.keras", "same")]
    [InlineData("broken.keras", "different")]
    public void Json_parses_and_carries_the_verdict(string port, string verdict)
    {
        CliRun run = CliRun.Of("compare", CliRun.Sample("mlp.pt"), CliRun.Sample(port), "--json", "--batch", "5", "--seed", "7");
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(verdict, json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("forward").GetProperty("batch").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("layers").GetArrayLength());
    }

    [Fact]
    public void A_missing_file_is_bad_input_exit_2_with_one_line()
    {
        CliRun run = CliRun.Of("compare", CliRun.Sample("mlp.pt"), CliRun.Sample("absent.keras"));
        Assert.Equal(2, run.Exit);
        Assert.Empty(run.Output);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Contains("absent.keras", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_no_model_is_bad_input_exit_2()
    {
        string path = Path.Combine(Path.GetTempPath(), $"denselinear-{Guid.NewGuid():N}.pt");
        File.WriteAllText(path, "not a model");
        try
        {
            CliRun run = CliRun.Of("compare", path, CliRun.Sample("mlp.keras"));
            Assert.Equal(2, run.Exit);
            Assert.StartsWith("denselinear compare: ", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_input_with_the_wrong_last_dimension_is_bad_input_naming_the_shapes()
    {
        string path = Path.Combine(Path.GetTempPath(), $"denselinear-{Guid.NewGuid():N}.npy");
        NpyFile.WriteFile(path, StoredTensor.Create<float>(new float[10], 2, 5));
        try
        {
            CliRun run = CliRun.Of("compare", CliRun.Sample("mlp.pt"), CliRun.Sample("mlp.keras"), "--input", path);
            Assert.Equal(2, run.Exit);
            Assert.Contains("[2, 5]", run.Error, StringComparison.Ordinal);
            Assert.Contains("[batch, 4]", run.Error, StringComparison.Ordinal);

            NpyFile.WriteFile(path, StoredTensor.Create<float>(new float[8], 2, 4));
            Assert.Equal(0, CliRun.Of("compare", CliRun.Sample("mlp.pt"), CliRun.Sample("mlp.keras"), "--input", path).Exit);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--batch", "many")]
    [InlineData("--batch", "0")]
    [InlineData("--no-such-option", "1")]
    public void A_bad_option_is_bad_input_exit_2(string option, string value) =>
        Assert.Equal(2, CliRun.Of("compare", CliRun.Sample("mlp.pt"), CliRun.Sample("mlp.keras"), option, value).Exit);
}
