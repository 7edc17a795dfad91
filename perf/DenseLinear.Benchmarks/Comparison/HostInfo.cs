namespace DenseLinear.Benchmarks.Comparison;

/// <summary>The part of BenchmarkDotNet's <c>HostEnvironmentInfo</c> the reports print: the machine and the runtime.</summary>
public sealed record HostInfo(string? ProcessorName, int LogicalCoreCount, string? RuntimeVersion, string? OsVersion);
