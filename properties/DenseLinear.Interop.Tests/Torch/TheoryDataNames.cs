using Xunit;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>Fixture file names as xunit theory data.</summary>
public sealed class TheoryDataNames : TheoryData<string>;
