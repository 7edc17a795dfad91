using System.CommandLine;

namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>
/// <c>openblas-cores</c>: runs the core probe alone and prints every candidate's result and the one a run would anchor
/// on, without loading OpenBLAS in this process. Exit 1 when no candidate computed correctly while OpenBLAS is there.
/// </summary>
public static class OpenBlasCoresCommand
{
    public static Command Create()
    {
        var command = new Command("openblas-cores", "Runs the OpenBLAS core probe alone: every candidate's rates and the one a run would anchor on.");
        command.SetAction(_ => Run());
        return command;
    }

    private static int Run()
    {
        InstructionLevel cpu = ProcessInstructionLevel.Current;
        IReadOnlyList<OpenBlasCandidate> candidates = OpenBlasCandidate.For(cpu, OpenBlasEnvironment.Capture());
        Console.WriteLine($"openblas-cores: the CPU runs {cpu}; trying {candidates.Count} candidates, each in its own process, two rounds.");
        IReadOnlyList<OpenBlasCoreTrial> trials = OpenBlasCoreProbe.Run(candidates);
        foreach (OpenBlasCoreTrial trial in trials)
        {
            Console.WriteLine($"  {trial.Describe()}");
        }

        if (OpenBlasCoreProbe.Fastest(trials) is not { } fastest)
        {
            bool missing = trials.All(t => t.Failure?.StartsWith("OpenBLAS not found", StringComparison.Ordinal) == true);
            Console.WriteLine(missing ? "openblas-cores: OpenBLAS is not installed; nothing to anchor on." : "openblas-cores: no candidate computed correctly.");
            return missing ? 0 : 1;
        }

        Console.WriteLine($"openblas-cores: a run anchors on {fastest.Candidate} ({fastest.Core}), sgemm/dgemm GFLOP/s at {OpenBlasCoreTiming.Shape.M}³, one thread.");
        if (fastest.Core is { } core && OpenBlasCore.GenericWarning(core, cpu) is { } warning)
        {
            Console.WriteLine($"WARNING: {warning}.");
        }

        return 0;
    }
}
