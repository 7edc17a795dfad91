using DenseLinear.IO;

namespace DenseLinear.Porting;

/// <summary>The inputs and labels of a <see cref="PortCheck"/>.</summary>
public sealed class PortCheckOptions
{
    /// <summary>The forward pass's inputs, [batch, in] (or [in] for one row); <see langword="null"/> to generate them.</summary>
    public StoredTensor? Input { get; init; }

    /// <summary>Where <see cref="Input"/> came from, for the report (a file name).</summary>
    public string? InputLabel { get; init; }

    /// <summary>The number of rows to generate when <see cref="Input"/> is <see langword="null"/>; 16 by default.</summary>
    public int Batch { get; init; } = 16;

    /// <summary>The seed of the generated inputs (uniform in [-1, 1]).</summary>
    public int Seed { get; init; }

    /// <summary>What the report calls the first model (a file name); <c>A</c> by default.</summary>
    public string LabelA { get; init; } = "A";

    /// <summary>What the report calls the second model; <c>B</c> by default.</summary>
    public string LabelB { get; init; } = "B";

    /// <summary>Told a line per layer once the forward pass has taken more than a second, for a progress display.</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>The kernel computing B's side in float (the naive kernel by default); A's side is always the naive kernel.</summary>
    public IMatMulKernel<float>? FloatKernelB { get; init; }

    /// <summary>The kernel computing B's side in double (the naive kernel by default).</summary>
    public IMatMulKernel<double>? DoubleKernelB { get; init; }
}
