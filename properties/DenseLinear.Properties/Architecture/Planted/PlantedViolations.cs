namespace DenseLinear.Properties.Architecture.Planted;

/// <summary>
/// The root of a copy of the library's parts with one violation of each rule planted in it (the types beside this
/// one, under <c>Planted.*</c>): <c>DependencyRuleTests</c> checks that every rule rejects it.
/// </summary>
public static class PlantedViolations
{
    /// <summary>The parts of the planted copy.</summary>
    public static NamespaceParts Parts { get; } = new(typeof(PlantedViolations).Namespace!);
}
