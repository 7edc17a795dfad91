using System.Globalization;

namespace DenseLinear.Specification;

/// <summary>
/// Run settings, read once from the environment. <c>DENSELINEAR_PROFILE=deep</c> runs 10× the cases on shapes
/// twice as large; <c>DENSELINEAR_REPLAY="seed,gamma"</c> replays the failure FsCheck printed.
/// </summary>
public static class SpecificationSettings
{
    /// <summary>The environment variable that selects the profile (<c>quick</c> or <c>deep</c>).</summary>
    public const string ProfileVariable = "DENSELINEAR_PROFILE";

    /// <summary>The environment variable holding a replay seed, as FsCheck prints it: <c>seed,gamma</c>.</summary>
    public const string ReplayVariable = "DENSELINEAR_REPLAY";

    /// <summary>Whether the deep profile is selected.</summary>
    public static bool Deep { get; } =
        string.Equals(Environment.GetEnvironmentVariable(ProfileVariable), "deep", StringComparison.OrdinalIgnoreCase);

    /// <summary>Cases per property: 100 quick, 1000 deep.</summary>
    public static int MaxTest { get; } = Deep ? 1000 : 100;

    /// <summary>The largest FsCheck size; generated dimensions stay at or below it.</summary>
    public static int EndSize { get; } = Deep ? 64 : 32;

    /// <summary>The replay seed from the environment, or null.</summary>
    public static string? Replay { get; } = Normalize(Environment.GetEnvironmentVariable(ReplayVariable));

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
