using DenseLinear.Benchmarks.OpenBlas;
using DenseLinear.Benchmarks.Provenance;
using Xunit;

namespace DenseLinear.Benchmarks.Tests.Reports;

public sealed class RunInfoTests
{
    private static readonly Dictionary<string, string> None = [];

    private static readonly Dictionary<string, string> PinnedHaswell = new() { ["OPENBLAS_CORETYPE"] = "Haswell" };

    private static readonly OpenBlasCoreTrial[] Trials =
    [
        new("own pick", "Cooperlake", 201, 98, null), new("Prescott", "Prescott", 35, 17, null),
        new("SkylakeX", "SkylakeX", 250, 30, null), new("Zen", null, null, null, "the process ended with exit code 132"),
    ];

    [Fact]
    public void TheOpenBlasTextNamesTheCoreAndTheVariablesOrUnpinned()
    {
        var pinned = new Dictionary<string, string> { ["OPENBLAS_L2_SIZE"] = "512", ["OPENBLAS_CORETYPE"] = "Haswell" };
        Assert.Equal("CPU: AMD EPYC; OpenBLAS core: Cooperlake (unpinned)", new RunInfo("Cooperlake", null, None, "AMD EPYC").Describe());
        Assert.Equal("CPU: unknown; OpenBLAS core: Haswell (OPENBLAS_CORETYPE=Haswell, OPENBLAS_L2_SIZE=512)", new RunInfo("Haswell", null, pinned, null).Describe());
        Assert.Equal("none (OpenBLAS not found)", new RunInfo(null, null, None, null).OpenBlasText);
    }

    [Fact]
    public void TheRunInfoNamesEveryTrialWithItsRatesAndTheLabelWithout()
    {
        var info = new RunInfo("Cooperlake", null, None, "AMD EPYC", new OpenBlasChoice(OpenBlasChoice.Fastest, Trials, "own pick"));
        Assert.Equal(
            "CPU: AMD EPYC; OpenBLAS core: Cooperlake (unpinned; fastest of 4 tried (sgemm/dgemm GFLOP/s at 512³, one thread): "
                + "own pick → Cooperlake 201/98, Prescott 35/17, SkylakeX 250/30, Zen failed: the process ended with exit code 132)",
            info.Describe());
        Assert.Equal(
            "CPU: AMD EPYC; OpenBLAS core: Cooperlake (unpinned; fastest of 4 tried: own pick → Cooperlake, Prescott, SkylakeX, Zen (failed))",
            info.Summarize());
    }

    [Fact]
    public void TheRunInfoWarnsOfAGenericCoreAndNamesLibTorchAndTheBlocking()
    {
        Assert.Equal(
            "Prescott (OPENBLAS_CORETYPE=Haswell; as the environment pins it) WARNING: generic",
            new RunInfo("Prescott", null, PinnedHaswell, null, new OpenBlasChoice(OpenBlasChoice.AsEnvironment, [], null), "generic").OpenBlasText);
        Assert.Equal(
            "CPU: unknown; OpenBLAS core: Zen (unpinned); libtorch 2.10.0; blocking: Vector256 tile 6×32, KC 1024",
            new RunInfo("Zen", null, None, null, null, null, "libtorch 2.10.0", "Vector256 tile 6×32, KC 1024").Describe());
    }

    [Fact]
    public void TheProbeAnchorsOnTheFastestTrialThatWorkedAndKeepsAFailureOverRounds()
    {
        Assert.Same(Trials[0], OpenBlasCoreProbe.Fastest(Trials));
        Assert.Null(OpenBlasCoreProbe.Fastest([Trials[3]]));
        Assert.NotNull(Trials[1].Best(Trials[3] with { Candidate = "Prescott" }).Failure);
    }

    [Theory]
    [InlineData("Prescott", InstructionLevel.Avx512, true)]
    [InlineData("Sandybridge", InstructionLevel.Avx2, true)]
    [InlineData("Haswell", InstructionLevel.Avx512, false)]
    [InlineData("Prescott", InstructionLevel.Avx, false)]
    [InlineData("SapphireRapids", InstructionLevel.Avx512, false)]
    public void AGenericCoreIsSseOrAvxWithoutFmaOnACpuWithFma(string core, InstructionLevel cpu, bool generic) =>
        Assert.Equal(generic, OpenBlasCore.IsGeneric(core, cpu));

    [Fact]
    public void TheProbeTriesWhatTheCpuRunsAndTheEnvironmentsPinWhenThereIsOne()
    {
        Assert.Equal(["own pick", "Prescott", "Nehalem", "Sandybridge", "Haswell", "Zen"], OpenBlasCandidate.For(InstructionLevel.Avx2, None).Select(c => c.Label));
        Assert.Equal(
            ["environment", "own pick", "Prescott", "Nehalem", "Sandybridge", "Haswell", "Zen", "SkylakeX", "Cooperlake"],
            OpenBlasCandidate.For(InstructionLevel.Avx512Bf16, PinnedHaswell).Select(c => c.Label));
    }
}
