using System.Globalization;

namespace DenseLinear.Specification.Support;

/// <summary>
/// Run settings, read once from the environment. <c>DENSELINEAR_PROFILE=deep</c> runs 10× the cases on shapes
/// twice as large; <c>DENSELINEAR_PROFILE=mutation</c> runs a quarter of the cases and a smaller shape sweep, for
/// Stryker, which runs the suite once per mutant; <c>DENSELINEAR_REPLAY="seed,gamma"</c> replays the failure FsCheck
/// printed.
/// </summary>
public static class SpecificationSettings
{
    /// <summary>The environment variable that selects the profile (<c>quick</c>, <c>deep</c> or <c>mutation</c>).</summary>
    public const string ProfileVariable = "DENSELINEAR_PROFILE";

    /// <summary>The environment variable holding a replay seed, as FsCheck prints it: <c>seed,gamma</c>.</summary>
    public const string ReplayVariable = "DENSELINEAR_REPLAY";

    /// <summary>Cases per property in the default (quick) profile.</summary>
    public const int QuickMaxTest = 100;

    /// <summary>Whether the deep profile is selected.</summary>
    public static bool Deep { get; } = ProfileIs("deep");

    /// <summary>Whether the mutation-testing profile is selected.</summary>
    public static bool Mutation { get; } = ProfileIs("mutation");

    /// <summary>Cases per property: 100 quick, 1000 deep, 25 mutation.</summary>
    public static int MaxTest { get; } = Deep ? 1000 : Mutation ? 25 : QuickMaxTest;

    /// <summary>The quick profile's largest FsCheck size.</summary>
    public const int QuickEndSize = 32;

    /// <summary>The largest FsCheck size; generated dimensions stay at or below it (but for the edge shapes of <see cref="Cases.Generators.Shape"/>).</summary>
    public static int EndSize { get; } = Deep ? 64 : QuickEndSize;

    /// <summary>
    /// Exclusive bounds of the exhaustive (m, k, n) sweep. Quick and deep: [0,14)×[0,34)×[0,34), every remainder of
    /// row blocks up to 7 and of a 16-wide vector twice over. Mutation: [0,8)×[0,18)×[0,18), each remainder once
    /// for the built-in 6-row, 16-float tiles (an eighth of the products).
    /// </summary>
    public static (int Rows, int Inner, int Columns) SweepBounds { get; } = Mutation ? (8, 18, 18) : (14, 34, 34);

    /// <summary>
    /// The products family 12 checks by Freivalds' method. Quick: the batch-1 row and a 40-row product, both past two
    /// KC blocks of 1024 in k and two NC blocks of 768 columns. Deep adds the batch-1 row at 4096², 32×4096×4096 and
    /// 2048³. Mutation keeps the 40-row product.
    /// </summary>
    public static IReadOnlyList<(int M, int K, int N)> FreivaldsProducts { get; } =
        Mutation ? [(40, 2100, 1600)]
        : Deep ? [(1, 2100, 1600), (40, 2100, 1600), (1, 4096, 4096), (32, 4096, 4096), (2048, 2048, 2048)]
        : [(1, 2100, 1600), (40, 2100, 1600)];

    /// <summary>The replay seed from the environment, or null.</summary>
    public static string? Replay { get; } = Normalize(Environment.GetEnvironmentVariable(ReplayVariable));

    private static bool ProfileIs(string profile) =>
        string.Equals(Environment.GetEnvironmentVariable(ProfileVariable), profile, StringComparison.OrdinalIgnoreCase);

    private static string? Normalize(string? replay)
    {
        if (string.IsNullOrWhiteSpace(replay))
        {
            return null;
        }

        string trimmed = replay.Trim().Trim('(', ')');
        string[] parts = trimmed.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is < 2 or > 3 || !parts.All(p => ulong.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw new FormatException($"{ReplayVariable} must be 'seed,gamma' as FsCheck prints it, got '{replay}'.");
        }

        return string.Join(",", parts);
    }
}
