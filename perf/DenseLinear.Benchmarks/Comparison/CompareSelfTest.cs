using DenseLinear.Benchmarks.Rows;

namespace DenseLinear.Benchmarks.Comparison;

/// <summary>
/// Built-in cases for the comparison logic (and, in <see cref="ReportSelfTest"/>, the multi-run, peak, provenance and
/// OpenBLAS-check logic), run by CI as <c>compare --self-test</c> in place of a test project.
/// Ends with the line <c>compare self-test: N of M cases passed</c> (not the bare "N passed, N failed" form, which
/// is reserved for the test suite's closing line in .ci/run); the exit code is 1 when any case failed.
/// </summary>
public static class CompareSelfTest
{
    private const string Product = "SquareMatMul/512x512x512/InOut";

    private const string SampleJson = """
        {"Title":"t","Benchmarks":[
          {"Type":"SquareMatMul","Method":"Multiply","Parameters":"Shape=64x64x64&Layout=OutIn&Row=Naive","Statistics":{"Mean":400.0}},
          {"Type":"SquareMatMul","Method":"Multiply","Parameters":"Shape=64x64x64&Layout=OutIn&Row=Fast","Statistics":{"Mean":100.0}},
          {"Type":"SquareMatMul","Method":"Multiply","Parameters":"Shape=64x64x64&Layout=OutIn&Row=Broken","Statistics":null}
        ]}
        """;

    public static int Run(TextWriter output)
    {
        (string Name, Func<bool> Check)[] cases =
        [
            ("ratios divide by the reference row of the same product", RatiosAgainstReferences),
            ("OpenBLAS rows are ratioed but get no verdict", OpenBlasRowsNotJudged),
            ("a uniform machine slowdown is not a regression", UniformDriftIsSame),
            ("one kernel 30% slower is a regression", SlowerKernelRegresses),
            ("one kernel 30% faster is faster, not a regression", FasterKernelPasses),
            ("a 10% move is the same at threshold 0.15", SmallMoveIsSame),
            ("without Naive only the OpenBLAS ratio exists", MissingNaiveUsesOpenBlas),
            ("a row only in the current run is new, not a regression", NewRowIsReported),
            ("full JSON parses; cases without statistics are skipped", ParsesFullJson),
            .. ReportSelfTest.Cases,
        ];
        int failed = 0;
        foreach ((string name, Func<bool> check) in cases)
        {
            bool ok = check();
            failed += ok ? 0 : 1;
            output.WriteLine($"{(ok ? "PASS" : "FAIL")} {name}");
        }

        output.WriteLine($"compare self-test: {cases.Length - failed} of {cases.Length} cases passed");
        return failed == 0 ? 0 : 1;
    }

    private static BenchmarkRecord At(string row, double mean, string shape = "512x512x512") =>
        new("SquareMatMul", shape, "InOut", row, mean);

    private static BenchmarkRecord[] Run1(double scale = 1.0, double kernel = 10.0) =>
    [
        At(RowNames.Naive, 100.0 * scale),
        At("Simd", kernel * scale),
        At(RowNames.Layer, 11.0 * scale),
        At(RowNames.OpenBlasSingleThread, 5.0 * scale),
        At(RowNames.OpenBlasTwoThreads, 3.0 * scale),
    ];

    private static bool Near(double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1.0, Math.Abs(b));

    private static bool RatiosAgainstReferences()
    {
        IReadOnlyDictionary<RatioKey, double> r = SameRunRatios.Compute(Run1());
        return Near(r[new(Product, "Simd", RowNames.Naive)], 0.1)
            && Near(r[new(Product, "Simd", RowNames.OpenBlasSingleThread)], 2.0)
            && Near(r[new(Product, RowNames.Naive, RowNames.OpenBlasSingleThread)], 20.0)
            && !r.ContainsKey(new(Product, RowNames.Naive, RowNames.Naive));
    }

    private static bool OpenBlasRowsNotJudged()
    {
        BenchmarkRecord[] slowBlas = [.. Run1().Select(r => RowNames.IsOpenBlas(r.Row) ? r with { MeanNanoseconds = r.MeanNanoseconds * 3 } : r)];
        ComparisonResult result = RegressionComparer.Compare(Run1(), slowBlas);
        return SameRunRatios.Compute(Run1()).ContainsKey(new(Product, RowNames.OpenBlasTwoThreads, RowNames.OpenBlasSingleThread))
            && !result.Changes.Any(c => RowNames.IsOpenBlas(c.Key.Row));
    }

    private static bool UniformDriftIsSame()
    {
        ComparisonResult result = RegressionComparer.Compare(Run1(), Run1(scale: 1.7));
        return result.Changes.Count == 5 && result.Changes.All(c => c.Verdict == Verdict.Same) && !result.HasRegression;
    }

    private static bool SlowerKernelRegresses()
    {
        ComparisonResult result = RegressionComparer.Compare(Run1(), Run1(scale: 0.8, kernel: 13.0));
        return result.HasRegression
            && result.Changes.Where(c => c.Key.Row == "Simd").All(c => c.Verdict == Verdict.Slower)
            && result.Changes.Where(c => c.Key.Row != "Simd").All(c => c.Verdict == Verdict.Same);
    }

    private static bool FasterKernelPasses()
    {
        ComparisonResult result = RegressionComparer.Compare(Run1(), Run1(kernel: 7.0));
        return !result.HasRegression && result.Changes.Where(c => c.Key.Row == "Simd").All(c => c.Verdict == Verdict.Faster);
    }

    private static bool SmallMoveIsSame() =>
        RegressionComparer.Judge(1.0, 1.10, 0.15) == Verdict.Same
        && RegressionComparer.Judge(1.0, 0.90, 0.15) == Verdict.Same
        && RegressionComparer.Judge(1.0, 1.20, 0.15) == Verdict.Slower;

    private static bool MissingNaiveUsesOpenBlas()
    {
        BenchmarkRecord[] big = [At("Simd", 50.0, "2048x2048x2048"), At(RowNames.OpenBlasSingleThread, 25.0, "2048x2048x2048")];
        IReadOnlyDictionary<RatioKey, double> r = SameRunRatios.Compute(big);
        return r.Count == 1 && Near(r[new("SquareMatMul/2048x2048x2048/InOut", "Simd", RowNames.OpenBlasSingleThread)], 2.0);
    }

    private static bool NewRowIsReported()
    {
        ComparisonResult result = RegressionComparer.Compare(Run1(), [.. Run1(), At("Parallel", 4.0)]);
        return !result.HasRegression && result.OnlyInCurrent.Count == 2 && result.OnlyInBaseline.Count == 0;
    }

    private static bool ParsesFullJson()
    {
        IReadOnlyList<BenchmarkRecord> records = FullJsonReader.Parse(SampleJson);
        return records.Count == 2
            && records[1] == new BenchmarkRecord("SquareMatMul", "64x64x64", "OutIn", "Fast", 100.0)
            && Near(SameRunRatios.Compute(records)[new("SquareMatMul/64x64x64/OutIn", "Fast", RowNames.Naive)], 0.25);
    }
}
