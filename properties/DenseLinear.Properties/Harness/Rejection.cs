using DenseLinear.Specification.Support;
using FsCheck;
using Microsoft.FSharp.Core;
using Xunit;

namespace DenseLinear.Properties.Harness;

/// <summary>
/// Runs one property family on a mutant and asserts that it fails, for the right reason: the failure message must
/// carry the family's label, so a crash in the test itself cannot pass for a rejection.
/// </summary>
internal static class Rejection
{
    // A fixed seed: the mutant tests are deterministic; FsCheck's own run settings otherwise. Never fewer cases than
    // the quick profile, so a lighter profile cannot let a mutant through.
    private static readonly Config Fixed = Config.QuickThrowOnFailure
        .WithMaxTest(Math.Max(SpecificationSettings.MaxTest, SpecificationSettings.QuickMaxTest))
        .WithEndSize(SpecificationSettings.EndSize)
        .WithQuietOnSuccess(true)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20261129UL, 7UL), FSharpOption<int>.None)));

    /// <summary>Asserts the property fails and returns FsCheck's failure message.</summary>
    public static string Property(Property property, string expectedLabel)
    {
        Exception? failure = Record(() => Check.One(Fixed, property));
        Assert.True(failure is not null, $"The family did not reject the mutant (expected a failure mentioning '{expectedLabel}').");
        Assert.Contains(expectedLabel, failure.ToString(), StringComparison.Ordinal);
        return failure.Message;
    }

    /// <summary>Asserts the deterministic check throws, with <paramref name="expectedLabel"/> in its message.</summary>
    public static void Fact(Action check, string expectedLabel)
    {
        Exception? failure = Record(check);
        Assert.True(failure is not null, $"The family did not reject the mutant (expected a failure mentioning '{expectedLabel}').");
        Assert.Contains(expectedLabel, failure.ToString(), StringComparison.Ordinal);
    }

    private static Exception? Record(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
