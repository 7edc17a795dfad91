using DenseLinear.Benchmarks.OpenBlas;
using DenseLinear.Benchmarks.Peak;
using DenseLinear.Benchmarks.Provenance;
using DenseLinear.Benchmarks.Rows;
using DenseLinear.Benchmarks.Suites;
using DenseLinear.Kernels;

namespace DenseLinear.Benchmarks.Comparison;

/// <summary>The self-test's cases for what the reports add to the comparison: medians over runs, the peak, provenance.</summary>
public static class ReportSelfTest
{
    private const string Product = "SquareMatMul/512x512x512/InOut";

    public static IEnumerable<(string Name, Func<bool> Check)> Cases =>
    [
        ("over three runs a ratio is the median of the per-run ratios, not of the times", MedianOfRunRatios),
        ("the spread text is median (min–max), and says when a run lacks the case", SpreadText),
        ("compare over three runs judges the median ratio, so one noisy run is not a regression", NoisyRunIsSame),
        ("one path holding a case twice (several runs) is refused", RepeatedCaseRefused),
        ("the peak is the widest accelerated vector's, not the larger number", PeakIsWidestWidth),
        ("the OpenBLAS text names the core and the variables, or unpinned", OpenBlasText),
        ("the core probe tries what the CPU runs, anchors on the fastest that worked, names every trial, and calls a generic core generic", OpenBlasCoreRules),
        ("the OpenBLAS check passes Naive itself and fails a transposed W in float and double", CheckCatchesTranspose),
        ("the ELF edit marks a named version requirement weak once, and refuses bytes that are not ELF", ElfRequirementMadeWeak),
        ("the speed table takes the fastest peer per run: Packed against the best 1T peer, Parallel against the best 2T, share of peak", SpeedTableCells),
    ];

    private static BenchmarkRecord At(string row, double mean) => new("SquareMatMul", "512x512x512", "InOut", row, mean);

    private static BenchmarkRecord[] Run(double naive, double simd) => [At(RowNames.Naive, naive), At("Simd", simd)];

    private static bool Near(double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1.0, Math.Abs(b));

    private static bool MedianOfRunRatios()
    {
        // Ratios 0.10, 0.15, 0.12: the median is 0.12; the median times (30 over 200) would give 0.15.
        RatioSpread s = MultiRun.Ratios([Run(100, 10), Run(200, 30), Run(300, 36)])[new(Product, "Simd", RowNames.Naive)];
        IReadOnlyList<BenchmarkRecord> means = MultiRun.MedianMeans([Run(100, 10), Run(200, 30), Run(300, 36)]);
        return Near(s.Median, 0.12) && Near(s.Min, 0.10) && Near(s.Max, 0.15) && s.Runs == 3
            && means.Count == 2 && Near(means[1].MeanNanoseconds, 30) && Near(MultiRun.Median([4.0, 1.0, 3.0, 2.0]), 2.5);
    }

    private static bool SpreadText()
    {
        IReadOnlyDictionary<RatioKey, RatioSpread> two = MultiRun.Ratios([Run(100, 10), [At(RowNames.Naive, 50)], Run(100, 20)]);
        RatioSpread simd = two[new(Product, "Simd", RowNames.Naive)];
        return new RatioSpread(1.04, 0.98, 1.07, 3).Format(3) == "1.040 (0.980–1.070)"
            && simd.Format(3) == "0.150 (0.100–0.200; 2 of 3 runs)"
            && new RatioSpread(0.5, 0.5, 0.5, 1).Format(3) == "0.500 (1 of 3 runs)"
            && new RatioSpread(0.5, 0.5, 0.5, 1).Format(1) == "0.500"
            && new RatioSpread(0.5, 0.25, 1, 3).AsSpeed().Format(3) == "2.000 (1.000–4.000)";
    }

    private static bool NoisyRunIsSame()
    {
        ComparisonResult result = RegressionComparer.Compare(
            MultiRun.MedianRatios([Run(100, 10)]),
            MultiRun.MedianRatios([Run(100, 10.5), Run(100, 14), Run(100, 9.8)]));
        return result.Changes.Count == 1 && result.Changes[0].Verdict == Verdict.Same && Near(result.Changes[0].Current, 0.105);
    }

    private static bool RepeatedCaseRefused()
    {
        try
        {
            FullJsonReader.ThrowIfRepeated([.. Run(100, 10), .. Run(100, 11)], "results");
            return false;
        }
        catch (FormatException)
        {
            FullJsonReader.ThrowIfRepeated(Run(100, 10), "results");
            return true;
        }
    }

    private static bool PeakIsWidestWidth()
    {
        var both = new PeakMeasurement(117.0, 116.0, 1, TimeSpan.FromSeconds(1));
        var narrow = new PeakMeasurement(117.0, double.NaN, 1, TimeSpan.FromSeconds(1));
        return both.Gflops == 116.0 && both.Width == "Vector512" && both.Describe().StartsWith("Vector512 ", StringComparison.Ordinal)
            && narrow.Gflops == 117.0 && narrow.Width == "Vector256";
    }

    private static bool OpenBlasText()
    {
        var none = new Dictionary<string, string>();
        var pinned = new Dictionary<string, string> { ["OPENBLAS_L2_SIZE"] = "512", ["OPENBLAS_CORETYPE"] = "Haswell" };
        return new RunInfo("Cooperlake", null, none, "AMD EPYC").Describe() == "CPU: AMD EPYC; OpenBLAS core: Cooperlake (unpinned)"
            && new RunInfo("Haswell", null, pinned, null).Describe() == "CPU: unknown; OpenBLAS core: Haswell (OPENBLAS_CORETYPE=Haswell, OPENBLAS_L2_SIZE=512)"
            && new RunInfo(null, null, none, null).OpenBlasText == "none (OpenBLAS not found)";
    }

    private static bool OpenBlasCoreRules()
    {
        var none = new Dictionary<string, string>();
        var pinned = new Dictionary<string, string> { ["OPENBLAS_CORETYPE"] = "Haswell" };
        OpenBlasCoreTrial[] trials =
        [
            new("own pick", "Cooperlake", 201, 98, null), new("Prescott", "Prescott", 35, 17, null),
            new("SkylakeX", "SkylakeX", 250, 30, null), new("Zen", null, null, null, "the process ended with exit code 132"),
        ];
        var choice = new OpenBlasChoice(OpenBlasChoice.Fastest, trials, "own pick");
        string text = new RunInfo("Cooperlake", null, none, "AMD EPYC", choice).Describe();
        return text == "CPU: AMD EPYC; OpenBLAS core: Cooperlake (unpinned; fastest of 4 tried (sgemm/dgemm GFLOP/s at 512³, one thread): "
                + "own pick → Cooperlake 201/98, Prescott 35/17, SkylakeX 250/30, Zen failed: the process ended with exit code 132)"
            && new RunInfo("Cooperlake", null, none, "AMD EPYC", choice).Summarize()
                == "CPU: AMD EPYC; OpenBLAS core: Cooperlake (unpinned; fastest of 4 tried: own pick → Cooperlake, Prescott, SkylakeX, Zen (failed))"
            && OpenBlasCoreProbe.Fastest(trials) == trials[0]
            && OpenBlasCoreProbe.Fastest([trials[3]]) is null
            && trials[1].Best(trials[3] with { Candidate = "Prescott" }).Failure is not null
            && OpenBlasCore.IsGeneric("Prescott", InstructionLevel.Avx512) && OpenBlasCore.IsGeneric("Sandybridge", InstructionLevel.Avx2)
            && !OpenBlasCore.IsGeneric("Haswell", InstructionLevel.Avx512) && !OpenBlasCore.IsGeneric("Prescott", InstructionLevel.Avx)
            && !OpenBlasCore.IsGeneric("SapphireRapids", InstructionLevel.Avx512)
            && OpenBlasCandidate.For(InstructionLevel.Avx2, none).Select(c => c.Label).SequenceEqual(["own pick", "Prescott", "Nehalem", "Sandybridge", "Haswell", "Zen"])
            && OpenBlasCandidate.For(InstructionLevel.Avx512Bf16, pinned).Select(c => c.Label).SequenceEqual(["environment", "own pick", "Prescott", "Nehalem", "Sandybridge", "Haswell", "Zen", "SkylakeX", "Cooperlake"])
            && new RunInfo("Prescott", null, pinned, null, new OpenBlasChoice(OpenBlasChoice.AsEnvironment, [], null), "generic").OpenBlasText
                == "Prescott (OPENBLAS_CORETYPE=Haswell; as the environment pins it) WARNING: generic"
            && new RunInfo("Zen", null, none, null, null, null, "libtorch 2.10.0", "Vector256 tile 6×32, KC 1024").Describe()
                == "CPU: unknown; OpenBLAS core: Zen (unpinned); libtorch 2.10.0; blocking: Vector256 tile 6×32, KC 1024";
    }

    private static bool ElfRequirementMadeWeak()
    {
        // Any dynamically linked program needs GLIBC_2.2.5 on x86-64 Linux; elsewhere there is nothing to edit.
        const string program = "/bin/sh";
        if (!OperatingSystem.IsLinux() || !File.Exists(program) || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            return true;
        }

        byte[] bytes = File.ReadAllBytes(program);
        bool refused;
        try
        {
            LibTorch.ElfVersionRequirement.MarkWeak(new byte[64], "GLIBC_2.2.5");
            refused = false;
        }
        catch (InvalidDataException)
        {
            refused = true;
        }

        return LibTorch.ElfVersionRequirement.MarkWeak(bytes, "GLIBC_2.2.5") >= 1
            && LibTorch.ElfVersionRequirement.MarkWeak(bytes, "GLIBC_2.2.5") == 0
            && LibTorch.ElfVersionRequirement.MarkWeak(bytes, "NO_SUCH_VERSION") == 0
            && refused;
    }

    private static bool CheckCatchesTranspose()
    {
        static void Naive<T>(MatMulData<T> d, bool swap)
            where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
        {
            // A swapped layout is what a wrong transpose flag does to gemm and gemv.
            WeightLayout layout = swap ? (d.Layout == WeightLayout.InOut ? WeightLayout.OutIn : WeightLayout.InOut) : d.Layout;
            NaiveKernel<T>.Instance.Multiply(d.X, d.W, d.Y, d.Shape.M, d.Shape.K, d.Shape.N, layout);
        }

        IReadOnlyList<string> right = OpenBlasCheck.Compare(d => Naive(d, false), d => Naive(d, false));
        IReadOnlyList<string> wrongSingle = OpenBlasCheck.Compare(d => Naive(d, true), d => Naive(d, false));
        IReadOnlyList<string> wrongDouble = OpenBlasCheck.Compare(d => Naive(d, false), d => Naive(d, true));
        return right.Count == 0
            && wrongSingle.Count > 0 && wrongSingle.Any(f => f.StartsWith("sgemm", StringComparison.Ordinal)) && wrongSingle.Any(f => f.StartsWith("sgemv", StringComparison.Ordinal))
            && wrongDouble.Count > 0 && wrongDouble.All(f => f[0] == 'd');
    }

    private static bool SpeedTableCells()
    {
        // Single thread, per run: the faster peer over Packed is OpenBLAS 1.2, libtorch 0.8, OpenBLAS 1.0 (median 1.0).
        // Two threads: libtorch 0.25, OpenBLAS 0.5, OpenBLAS 0.8 over Parallel (median 0.5). The best peer by median
        // time is OpenBLAS on both (1.2 ms, 1 ms). Packed at 512³ (2.68e8 flops) in 1 ms is 268 GFLOP/s, at 1.25 ms
        // 215: 100 % and 80 % of a 268.4 peak.
        BenchmarkRecord[] OneRun(double blas1, double torch1, double packed, double blas2, double torch2, double parallel) =>
        [
            At(RowNames.OpenBlasSingleThread, blas1), At(RowNames.LibTorchSingleThread, torch1), At("Packed", packed),
            At(RowNames.OpenBlasTwoThreads, blas2), At(RowNames.LibTorchTwoThreads, torch2), At("Parallel", parallel),
        ];
        string table = Tables.SpeedTable.Render(
            [OneRun(1.2e6, 2e6, 1e6, 1e6, 0.5e6, 2e6), OneRun(1.125e6, 1e6, 1.25e6, 1e6, 3e6, 2e6), OneRun(1.25e6, 3e6, 1.25e6, 1.6e6, 3e6, 2e6)], "test", 268.435456);
        string line = table.Split('\n').Single(l => l.StartsWith("| 512×512×512 | InOut", StringComparison.Ordinal));
        return line.StartsWith("| 512×512×512 | InOut | OpenBLAS 224 | OpenBLAS 268 | 1.00× (0.80–1.20) |", StringComparison.Ordinal)
            && line.Contains("| 0.50× (0.25–0.80) |", StringComparison.Ordinal)
            && line.Contains("| 80 % (80–100) |", StringComparison.Ordinal);
    }
}
