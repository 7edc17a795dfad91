namespace DenseLinear.Properties.Initialization;

/// <summary>A <see cref="Random"/> whose <see cref="NextDouble"/> returns the given values in turn, and counts the calls.</summary>
internal sealed class ScriptedRandom(params double[] values) : Random
{
    public int Calls { get; private set; }

    public override double NextDouble() => values[Calls++];
}
