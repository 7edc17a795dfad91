using System.Buffers.Binary;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// <c>oracles/torch/generate.py</c> run again on this machine reproduces the committed fixtures under
/// <see cref="FixtureComparison"/>: inputs and saved files bitwise, torch's forward outputs within the bound. The
/// other facts show the comparison is neither blind to a changed input nor stricter than the bound on outputs.
/// </summary>
public sealed class RegeneratedFixturesTests
{
    private const string Mlp = "mlp_f32.pt";

    [TorchFact]
    public void Generate_py_on_this_machine_reproduces_the_committed_fixtures()
    {
        using var regenerated = new ScratchDirectory();
        string script = Path.Combine(AppContext.BaseDirectory, "oracles", "torch", "generate.py");
        var start = new ProcessStartInfo(TorchWorker.Interpreter, [script, regenerated.Path]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{TorchWorker.Interpreter} did not start");
        Task<string> error = process.StandardError.ReadToEndAsync();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "generate.py ran past three minutes");
        Assert.True(process.ExitCode == 0, $"generate.py exited {process.ExitCode}: {output.Result}{error.Result}");

        IReadOnlyList<string> differences = FixtureComparison.Differences(TorchFixtures.Directory, regenerated.Path);
        Assert.True(differences.Count == 0, "generate.py does not reproduce the committed fixtures:\n" + string.Join("\n", differences));
    }

    [Fact]
    public void The_committed_fixtures_agree_with_a_copy_of_themselves()
    {
        using ScratchDirectory copy = Copy();
        Assert.Empty(FixtureComparison.Differences(TorchFixtures.Directory, copy.Path));
    }

    [Fact]
    public void A_changed_input_value_fails_even_by_one_bit()
    {
        using ScratchDirectory copy = Copy();
        EditManifest(copy, entry => entry["input"]!["hex"] = FlipLastBit((string)entry["input"]!["hex"]!));
        string difference = Assert.Single(FixtureComparison.Differences(TorchFixtures.Directory, copy.Path));
        Assert.Contains($"manifest.json/pt/{Mlp}/input/hex", difference, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_parameter_fails_even_by_one_bit()
    {
        using ScratchDirectory copy = Copy();
        EditManifest(copy, entry => entry["tensors"]!["2.bias"]!["hex"] = FlipLastBit((string)entry["tensors"]!["2.bias"]!["hex"]!));
        string difference = Assert.Single(FixtureComparison.Differences(TorchFixtures.Directory, copy.Path));
        Assert.Contains($"manifest.json/pt/{Mlp}/tensors/2.bias/hex", difference, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_byte_of_a_saved_file_fails()
    {
        using ScratchDirectory copy = Copy();
        string path = Path.Combine(copy.Path, Mlp);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 1;
        File.WriteAllBytes(path, bytes);
        string difference = Assert.Single(FixtureComparison.Differences(TorchFixtures.Directory, copy.Path));
        Assert.StartsWith($"{Mlp}: bytes differ from offset {bytes.Length / 2}", difference, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_extra_file_fails()
    {
        using ScratchDirectory copy = Copy();
        File.Move(Path.Combine(copy.Path, Mlp), Path.Combine(copy.Path, "renamed.pt"));
        IReadOnlyList<string> differences = FixtureComparison.Differences(TorchFixtures.Directory, copy.Path);
        Assert.Equal([$"{Mlp}: committed but not written again", "renamed.pt: written but not committed"], differences);
    }

    [Fact]
    public void An_output_one_ulp_away_passes_and_one_far_away_fails()
    {
        using ScratchDirectory nearby = Copy();
        EditManifest(nearby, entry => entry["output"]!["hex"] = StepFirstFloat((string)entry["output"]!["hex"]!, 1));
        Assert.Empty(FixtureComparison.Differences(TorchFixtures.Directory, nearby.Path));

        using ScratchDirectory far = Copy();
        EditManifest(far, entry => entry["output"]!["hex"] = StepFirstFloat((string)entry["output"]!["hex"]!, 1 << 16));
        string difference = Assert.Single(FixtureComparison.Differences(TorchFixtures.Directory, far.Path));
        Assert.Contains($"manifest.json/pt/{Mlp}/output[0]", difference, StringComparison.Ordinal);
        Assert.Contains("> bound", difference, StringComparison.Ordinal);
    }

    private static ScratchDirectory Copy()
    {
        var copy = new ScratchDirectory();
        foreach (string file in Directory.GetFiles(TorchFixtures.Directory))
        {
            File.Copy(file, Path.Combine(copy.Path, Path.GetFileName(file)));
        }

        return copy;
    }

    private static void EditManifest(ScratchDirectory directory, Action<JsonNode> editMlpEntry)
    {
        string path = Path.Combine(directory.Path, "manifest.json");
        JsonNode manifest = JsonNode.Parse(File.ReadAllText(path))!;
        editMlpEntry(manifest["pt"]![Mlp]!);
        File.WriteAllText(path, manifest.ToJsonString());
    }

    private static string FlipLastBit(string hex)
    {
        byte[] bytes = Convert.FromHexString(hex);
        bytes[^1] ^= 1;
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>The first little-endian float of <paramref name="hex"/> moved <paramref name="ulps"/> units in the last place.</summary>
    private static string StepFirstFloat(string hex, int ulps)
    {
        byte[] bytes = Convert.FromHexString(hex);
        BinaryPrimitives.WriteInt32LittleEndian(bytes, BinaryPrimitives.ReadInt32LittleEndian(bytes) + ulps);
        return Convert.ToHexStringLower(bytes);
    }

    private sealed class ScratchDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("denselinear-fixtures-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
