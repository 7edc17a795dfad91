namespace DenseLinear.Benchmarks.Peak;

/// <summary>A peak as <see cref="PeakCommand"/> stores it: the number, and the vector width when the file names it.</summary>
public readonly record struct PeakReading(double Gflops, string? Width);
