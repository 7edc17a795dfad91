namespace DenseLinear.Benchmarks.Rows;

/// <summary>One measured row: everything is prepared in the constructor, <see cref="Run"/> is the timed call.</summary>
public interface IBenchmarkRow
{
    /// <summary>Computes y once and returns it, so the work cannot be optimised away.</summary>
    object Run();
}
