namespace DenseLinear.Benchmarks.Comparison;

/// <summary>"<paramref name="Row"/> on <paramref name="Product"/>, timed against <paramref name="Reference"/>".</summary>
public readonly record struct RatioKey(string Product, string Row, string Reference)
{
    public override string ToString() => $"{Product} {Row} ÷{Reference}";
}
